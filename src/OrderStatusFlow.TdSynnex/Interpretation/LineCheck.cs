using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// The ServiceNow lines must be usable before TD SYNNEX is asked: every line has a sys_id (it is written by it) and an
/// ordered quantity that is empty (TD SYNNEX's own quantity is used) or a whole number. Otherwise the PO fails as a
/// data error naming the line and the value to correct.
/// </summary>
internal static class LineCheck
{
    public static void Ensure(PurchaseOrder po, TdSynnexFieldNames fields)
    {
        for (var i = 0; i < po.Lines.Count; i++)
        {
            var line = po.Lines[i];
            var name = line.Number is { Length: > 0 } number ? $"line {number}" : $"line {i + 1}";
            if (string.IsNullOrWhiteSpace(line.SysId))
                throw new SyncException(FailureKind.Data, $"{name} of PO {po.Number} was read without a sys_id; check the source's line field list includes sys_id");
            var quantity = line[fields.OrderedQuantity];
            if (quantity.Trim().Length == 0)
                continue;
            if (TdsText.Decimal(quantity) is not { } units || units < 0 || units > int.MaxValue || units != decimal.Truncate(units))
                throw new SyncException(FailureKind.Data,
                    $"{name} of PO {po.Number} ({line.SysId}) has {fields.OrderedQuantity} '{Shorten(quantity)}', not a whole number of units; correct it in ServiceNow");
        }
    }

    static string Shorten(string text) => text.Length > 32 ? text[..32] + "…" : text;
}
