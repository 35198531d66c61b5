using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>The line table: all rows of one <c>lineNumber</c> become one <see cref="LineStatus"/>.</summary>
internal static class LineInterpreter
{
    public static LineStatus Interpret(string lineNumber, IReadOnlyList<PoStatusRow> rows, PurchaseOrderLine? snLine, TdSynnexFieldNames fields, bool poCancelled)
    {
        var live = rows.Where(r => !r.IsDeleted).ToList();
        var ordered = snLine is not null && TdsText.Int(snLine[fields.OrderedQuantity]) is { } snOrdered && snOrdered >= 0
            ? snOrdered
            : live.Sum(r => r.OrderQuantity);
        var shippedRaw = live.Sum(r => Math.Max(0, r.ShipQuantity));
        var shipped = Math.Min(shippedRaw, ordered);
        var backorderRows = live.Where(r => r.IsBackorder).ToList();
        var backordered = Math.Min(backorderRows.Sum(r => Math.Max(0, r.OrderQuantity - r.ShipQuantity)), Math.Max(0, ordered - shipped));
        var shippedRows = live.Where(r => r.ShipQuantity > 0).ToList();

        var state = State(rows, live, ordered, shipped, shippedRaw, poCancelled);
        return new LineStatus
        {
            LineNumber = lineNumber,
            PoLineSysId = snLine?.SysId,
            State = state,
            OrderedQuantity = ordered,
            ShippedQuantity = shipped,
            BackorderedQuantity = backordered,
            TrackingNumbers = Tracking(live),
            SerialNumbers = Serials(live),
            Carriers = Carriers(shippedRows),
            SalesOrderNumbers = Distinct(rows.Select(r => r.OrderNumber)),
            ShipDate = LatestShipDate(live),
            Eta = backordered > 0 ? Eta(backorderRows.Where(r => r.OrderQuantity > r.ShipQuantity)) : null,
            EstimatedShipDate = EarliestEstimatedShipDate(live.Where(r => !r.IsBackorder && r.OrderQuantity > r.ShipQuantity)),
            RowCodes = rows.Select(r => r.Code.Trim().ToLowerInvariant()).ToList(),
        };
    }

    static LineState State(IReadOnlyList<PoStatusRow> rows, List<PoStatusRow> live, int ordered, int shipped, int shippedRaw, bool poCancelled)
    {
        if (live.Count == 0 || (poCancelled && shippedRaw == 0))
            return LineState.Cancelled;
        var fullyShipped = shipped >= ordered && (ordered > 0 || shippedRaw > 0);
        if (fullyShipped && live.All(r => r.NormalizedCode == "invoiced"))
            return LineState.Invoiced;
        if (fullyShipped)
            return LineState.Shipped;
        if (shipped > 0)
            return LineState.Partial;
        if (live.Any(r => r.IsBackorder))
            return LineState.Backordered;
        if (live.Any(IsReleased))
            return LineState.Released;
        return LineState.Accepted;
    }

    /// <summary>Accepted sales-order row, not on hold (<c>ShipMethod</c> NL), with a warehouse and an estimated ship date.</summary>
    static bool IsReleased(PoStatusRow row) =>
        row.NormalizedCode == "accepted"
        && string.Equals(row.OrderType, "SO", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(row.ShipMethod?.Trim(), "NL", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(row.ShipFromWarehouse)
        && row.EstimatedShipDate is not null;

    internal static IReadOnlyList<string> Tracking(IEnumerable<PoStatusRow> rows) =>
        Distinct(rows.SelectMany(r => r.Packages).Select(p => p.TrackingNumber));

    internal static IReadOnlyList<string> Serials(IEnumerable<PoStatusRow> rows) =>
        Distinct(rows.SelectMany(r => r.Packages).SelectMany(p => p.SerialNumbers));

    internal static IReadOnlyList<string> Carriers(IEnumerable<PoStatusRow> shippedRows) =>
        Distinct(shippedRows.Select(r => r.ShipMethodDescription));

    internal static string? LatestShipDate(IEnumerable<PoStatusRow> rows) =>
        rows.Where(r => r.ShipDate is not null).Select(r => r.ShipDate!.Value).Order().Select(d => (DateOnly?)d).LastOrDefault() is { } date
            ? TdsText.FormatDate(date)
            : null;

    /// <summary><c>ETADate</c>, else <c>EstimatedShipDate</c>, of the given back-order rows; the earliest one.</summary>
    static string? Eta(IEnumerable<PoStatusRow> backorderRows) =>
        backorderRows.Select(r => r.EtaDate ?? r.EstimatedShipDate).Where(d => d is not null).Min() is { } date
            ? TdsText.FormatDate(date)
            : null;

    /// <summary>The earliest <c>EstimatedShipDate</c> of the given unshipped sales-order rows.</summary>
    static string? EarliestEstimatedShipDate(IEnumerable<PoStatusRow> rows) =>
        rows.Select(r => r.EstimatedShipDate).Where(d => d is not null).Min() is { } date ? TdsText.FormatDate(date) : null;

    internal static IReadOnlyList<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
