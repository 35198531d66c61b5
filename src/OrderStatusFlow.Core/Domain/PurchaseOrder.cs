namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// A purchase order as the source read it, with its lines. Every value is the string the source sent;
/// a field that was not returned reads as the empty string.
/// </summary>
public sealed class PurchaseOrder
{
    public PurchaseOrder(string sysId, string number, IReadOnlyDictionary<string, string> fields, IReadOnlyList<PurchaseOrderLine> lines)
    {
        SysId = sysId;
        Number = number;
        Fields = fields;
        Lines = lines;
    }

    public string SysId { get; }

    /// <summary>The PO number, sent to TD SYNNEX as <c>PONumber</c>.</summary>
    public string Number { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public IReadOnlyList<PurchaseOrderLine> Lines { get; }

    /// <summary>
    /// Set by the source when the query returned a PO the connector must not touch: the engine logs it as skipped with
    /// this reason and never queries or writes it.
    /// </summary>
    public string? SkipReason { get; init; }

    /// <summary>How the source names the PO's tables and status field (for the activity log).</summary>
    public RecordSchema Schema { get; init; } = RecordSchema.Unnamed;

    /// <summary>The current value of <paramref name="field"/>, or "" when the record has no such value.</summary>
    public string this[string field] => Fields.TryGetValue(field, out var value) ? value ?? "" : "";

    public override string ToString() => $"{Number} ({SysId})";
}
