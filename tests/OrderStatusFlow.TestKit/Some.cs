using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.TestKit;

/// <summary>Builders for test data with the contract's default schema; override only what a test cares about.</summary>
public static class Some
{
    /// <summary>The record names the ServiceNow source sets on every PO.</summary>
    public static readonly RecordSchema ServiceNowSchema = new("proc_po", "proc_po_item", "u_tds_order_status");

    /// <summary>A connector PO (cpo id set, status ordered) with two lines numbered 1 and 2.</summary>
    public static PurchaseOrder PurchaseOrder(
        string number = "PO0010001",
        string? sysId = null,
        string cpoId = "151204401",
        string status = "ordered",
        string orderStatus = "",
        IReadOnlyDictionary<string, string>? fields = null,
        int lineCount = 2,
        string? skipReason = null)
    {
        sysId ??= "po" + number.ToLowerInvariant().PadLeft(30, '0');
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = sysId,
            ["number"] = number,
            ["status"] = status,
            ["u_tds_cpo_id"] = cpoId,
            ["u_tds_order_status"] = orderStatus,
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
            all[key] = value;
        var lines = Enumerable.Range(1, lineCount).Select(l => Line(sysId, l)).ToList();
        return new PurchaseOrder(sysId, number, all, lines) { Schema = ServiceNowSchema, SkipReason = skipReason };
    }

    public static PurchaseOrderLine Line(string poSysId, int lineNumber, IReadOnlyDictionary<string, string>? fields = null)
    {
        var sysId = $"ln{poSysId}{lineNumber}";
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = sysId,
            ["purchase_order"] = poSysId,
            ["u_tds_line_number"] = lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ordered_quantity"] = "2",
            ["part_number"] = $"PART-{lineNumber}",
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
            all[key] = value;
        return new PurchaseOrderLine(sysId, all, all["u_tds_line_number"]);
    }

    /// <summary>Many connector POs numbered <c>BN0000001</c>…</summary>
    public static IReadOnlyList<PurchaseOrder> PurchaseOrders(int count, string prefix = "BN") =>
        Enumerable.Range(1, count).Select(i => PurchaseOrder($"{prefix}{i:D7}", cpoId: $"9{i:D8}")).ToList();

    public static OrderStatus OrderStatus(string headerCode = "accepted", PoState state = PoState.Accepted) =>
        new() { HeaderCode = headerCode, State = state };

    public static OrderStatus NotFound() => OrderStatus("notFound", PoState.NotFound);

    public static OrderStatus Shipped(params string[] trackingNumbers) =>
        new() { HeaderCode = "shipped", State = PoState.Shipped, TrackingNumbers = trackingNumbers };
}
