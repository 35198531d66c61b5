using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Tests.Support;

/// <summary>Small builders for TD SYNNEX rows, answers and ServiceNow POs.</summary>
internal static class TdsBuild
{
    public static PoStatusRow Row(string line, string code, string type = "SO", int ordered = 2, int shipped = 0, string? so = null) => new()
    {
        LineNumber = line,
        Code = code,
        OrderType = type,
        OrderNumber = so ?? "SO-" + line,
        OrderQuantity = ordered,
        ShipQuantity = shipped,
        Sku = "SKU" + line,
        MfgPn = "MFG-" + line,
        ShipFromWarehouse = "3",
        ShipMethod = "FG",
        ShipMethodDescription = "FedEx Ground",
    };

    public static PoStatusRow Released(string line, int ordered = 2) => Row(line, "accepted", "SO", ordered) with { EstimatedShipDate = new DateOnly(2026, 12, 2) };

    public static PoStatusRow Shipped(string line, int quantity, string code = "shipped", string? tracking = null, string? so = null, params string[] serials) =>
        Row(line, code, "SO", quantity, quantity, so) with
        {
            ShipDate = new DateOnly(2026, 11, 20),
            Packages = [new PoStatusPackage(tracking ?? "TRK-" + line, quantity, "1.0", serials)],
        };

    public static PoStatusResponse Answer(string code, params PoStatusRow[] rows) => new(code, null, "PO1", rows);

    public static PurchaseOrder Po(params (string Line, string Part, string Ordered)[] lines) => PoWithNotes("", lines);

    public static PurchaseOrder PoWithNotes(string notes, params (string Line, string Part, string Ordered)[] lines) =>
        new("po-sys", "PO1",
            new Dictionary<string, string> { ["u_vendor_notes"] = notes },
            lines.Select((l, i) => new PurchaseOrderLine("ln" + (i + 1), new Dictionary<string, string>
            {
                ["u_tds_line_number"] = l.Line, ["part_number"] = l.Part, ["ordered_quantity"] = l.Ordered,
            }, l.Line)).ToList());

    /// <summary>A PO with lines 1..n, each ordered 2 and matched by line number.</summary>
    public static PurchaseOrder PoOf(int lines, int ordered = 2) =>
        Po(Enumerable.Range(1, lines).Select(i => (i.ToString(), "MFG-" + i, ordered.ToString())).ToArray());

    public static Invoice Invoice(string number = "INV1") => new() { Number = number, Date = "2026-11-24" };
}
