using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// The status model as a pure function: the ServiceNow PO, the parsed PO Status answer and the invoices found become the
/// <see cref="OrderStatus"/> the rules see. No I/O, no clock; the same inputs always give the same result.
/// </summary>
internal static class StatusInterpreter
{
    public static OrderStatus Interpret(
        PurchaseOrder po,
        PoStatusResponse response,
        IReadOnlyList<Invoice>? invoices = null,
        TdSynnexFieldNames? fields = null,
        bool invoicesQueried = false)
    {
        fields ??= new TdSynnexFieldNames();
        invoices ??= [];
        var headerCode = response.Code.Trim();
        if (response.IsNotFound)
            return new OrderStatus { HeaderCode = headerCode, Reason = response.Reason, State = PoState.NotFound, InvoicesQueried = invoicesQueried };

        var poCancelled = response.NormalizedCode is "deleted" or "rejected";
        var groups = response.Rows.GroupBy(r => r.LineNumber, StringComparer.Ordinal).ToList();
        var matches = LineMatcher.Match(po, groups, fields);
        var lines = groups
            .Select(g => LineInterpreter.Interpret(g.Key, g.ToList(), matches.GetValueOrDefault(g.Key), fields, poCancelled))
            .ToList();

        var live = response.Rows.Where(r => !r.IsDeleted).ToList();
        var shipped = lines.Sum(l => l.ShippedQuantity);
        return new OrderStatus
        {
            HeaderCode = headerCode,
            Reason = response.Reason,
            State = PoStateOf(lines, poCancelled, invoices.Count > 0),
            Lines = lines,
            OrderedQuantity = lines.Where(l => l.State != LineState.Cancelled).Sum(l => l.OrderedQuantity),
            ShippedQuantity = shipped,
            BackorderedQuantity = lines.Sum(l => l.BackorderedQuantity),
            TrackingNumbers = LineInterpreter.Tracking(live),
            SerialNumbers = LineInterpreter.Serials(live),
            Carriers = LineInterpreter.Carriers(live.Where(r => r.ShipQuantity > 0)),
            SalesOrderNumbers = LineInterpreter.Distinct(response.Rows.Select(r => r.OrderNumber)),
            ShipDate = LineInterpreter.LatestShipDate(live),
            Eta = lines.Select(l => l.Eta).Where(e => e is not null).Order(StringComparer.Ordinal).FirstOrDefault(),
            Invoices = invoices,
            InvoicesQueried = invoicesQueried,
            UnmatchedLineNumbers = lines.Where(l => l.PoLineSysId is null).Select(l => l.LineNumber).ToList(),
        };
    }

    /// <summary>
    /// <paramref name="status"/> (interpreted without invoices) once the invoice query returned <paramref name="invoices"/>:
    /// only the invoices and the PO state can change, so the lines are not interpreted again.
    /// </summary>
    public static OrderStatus WithInvoices(OrderStatus status, PoStatusResponse response, IReadOnlyList<Invoice> invoices) =>
        status.IsNotFound
            ? status with { InvoicesQueried = true }
            : status with
            {
                Invoices = invoices,
                InvoicesQueried = true,
                State = PoStateOf(status.Lines, response.NormalizedCode is "deleted" or "rejected", invoices.Count > 0),
            };

    /// <summary>The PO table; first match wins.</summary>
    static PoState PoStateOf(IReadOnlyList<LineStatus> lines, bool headerCancelled, bool invoicesReturned)
    {
        if (headerCancelled || (lines.Count > 0 && lines.All(l => l.State == LineState.Cancelled)))
            return PoState.Cancelled;
        var open = lines.Where(l => l.State != LineState.Cancelled).ToList();
        if (open.Count > 0 && open.All(l => l.State == LineState.Invoiced) && invoicesReturned)
            return PoState.Invoiced;
        if (open.Count > 0 && open.All(l => l.State is LineState.Invoiced or LineState.Shipped))
            return PoState.Shipped;
        if (open.Any(l => l.ShippedQuantity > 0))
            return PoState.Partial;
        if (open.Any(l => l.State == LineState.Backordered))
            return PoState.Backordered;
        if (open.Any(l => l.State == LineState.Released))
            return PoState.Released;
        return PoState.Accepted;
    }
}
