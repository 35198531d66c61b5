using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Rules.Tests.Support;

/// <summary>Builders for rule contexts used across the rule tests.</summary>
internal static class RuleTestData
{
    public static PurchaseOrder Po(string number = "PO0010001", params (string SysId, string Qty)[] lines)
    {
        var poLines = lines.Length == 0 ? [("ln1", "4"), ("ln2", "2")] : lines;
        return new PurchaseOrder("po1", number,
            new Dictionary<string, string> { ["status"] = "ordered", ["u_tds_order_status"] = "", ["u_vendor_notes"] = "" },
            poLines.Select((l, i) => new PurchaseOrderLine(l.SysId, new Dictionary<string, string>
            {
                ["u_tds_line_number"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ordered_quantity"] = l.Qty,
            }, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());
    }

    public static OrderStatus Status(PoState state = PoState.Accepted, params LineStatus[] lines) =>
        new() { HeaderCode = "accepted", State = state, Lines = lines };

    public static LineStatus Line(string sysId, LineState state, int ordered = 4, int shipped = 0) =>
        new() { LineNumber = sysId, PoLineSysId = sysId, State = state, OrderedQuantity = ordered, ShippedQuantity = shipped };

    public static RuleContext Context(OrderStatus? status = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(Po(), status ?? Status(), settings ?? new Dictionary<string, string>());
}
