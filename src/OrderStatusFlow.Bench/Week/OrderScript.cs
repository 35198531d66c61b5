using OrderStatusFlow.Core.Domain;
using static OrderStatusFlow.Bench.Week.WorldParameters;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// One PO's life at TD SYNNEX, drawn once from <see cref="WorldParameters"/>: accepted, reviewed (maybe cancelled),
/// released with an EstimatedShipDate (a line maybe back-ordered with an ETA that may slip), shipped, invoiced per
/// sales order. <see cref="StatusAt"/> is the interpreted answer TD SYNNEX would give at any moment.
/// </summary>
internal sealed class OrderScript
{
    readonly LineScript[] _lines;

    OrderScript(int index, DateTimeOffset acceptedAt, LineScript[] lines, DateTimeOffset? cancelAt, DateTimeOffset releaseAt)
    {
        Number = $"WK{index:D7}";
        SysId = $"wk{index:D30}";
        AcceptedAt = acceptedAt;
        _lines = lines;
        CancelAt = cancelAt;
        ReleaseAt = releaseAt;
        EndsAt = cancelAt ?? lines.Max(l => l.InvoiceAt);
        Changes = BuildChanges();
    }

    public string Number { get; }

    public string SysId { get; }

    public DateTimeOffset AcceptedAt { get; }

    public DateTimeOffset? CancelAt { get; }

    public DateTimeOffset ReleaseAt { get; }

    /// <summary>When the PO reaches a terminal state at TD SYNNEX (last invoice, or cancelled).</summary>
    public DateTimeOffset EndsAt { get; }

    public IReadOnlyList<WorldChange> Changes { get; }

    public int LineCount => _lines.Length;

    /// <summary>The ordered quantity of line <paramref name="number"/> (1-based).</summary>
    public int Quantity(int number) => _lines[number - 1].Quantity;

    public static OrderScript Draw(int index, DateTimeOffset acceptedAt, Random random)
    {
        var releaseAt = acceptedAt + Hours(random, ReleaseMinHours, ReleaseMaxHours);
        // The rep cancels during review, instead of releasing the order.
        DateTimeOffset? cancelAt = random.NextDouble() < CancelledInReview ? acceptedAt + (releaseAt - acceptedAt) * (0.2 + 0.8 * random.NextDouble()) : null;
        var count = random.NextDouble() < TwoLines ? 2 : 1;
        var backorderLine = random.NextDouble() < Backordered ? count - 1 : -1;
        var lines = new LineScript[count];
        for (var i = 0; i < count; i++)
            lines[i] = i == backorderLine ? LineScript.Backorder(i + 1, releaseAt, random) : LineScript.Stocked(i + 1, releaseAt, random);
        return new OrderScript(index, acceptedAt, lines, cancelAt, releaseAt);
    }

    static TimeSpan Hours(Random random, double min, double max) => TimeSpan.FromHours(min + random.NextDouble() * (max - min));

    List<WorldChange> BuildChanges()
    {
        if (CancelAt is { } cancelled)
            return [new WorldChange(cancelled, ChangeKind.Cancelled, false)];
        var changes = new List<WorldChange>
        {
            new(ReleaseAt, _lines.Any(l => l.IsBackorder) ? ChangeKind.Backordered : ChangeKind.Released, false),
        };
        foreach (var line in _lines)
            if (line.EtaSlipAt is { } slip)
                changes.Add(new WorldChange(slip, ChangeKind.EtaChanged, true));
        var shipped = 0;
        foreach (var line in _lines.OrderBy(l => l.ShipAt))
        {
            shipped++;
            changes.Add(new WorldChange(line.ShipAt, shipped == _lines.Length ? ChangeKind.Shipped : ChangeKind.Partial, line.ShipAnnounced));
            changes.Add(new WorldChange(line.InvoiceAt, ChangeKind.Invoice, false));
        }
        return changes.OrderBy(c => c.At).ToList();
    }

    /// <summary>The interpreted TD SYNNEX answer at <paramref name="at"/>; <paramref name="poLineSysIds"/> maps line numbers to ServiceNow lines.</summary>
    public OrderStatus StatusAt(DateTimeOffset at, IReadOnlyList<string> poLineSysIds, bool invoicesQueried)
    {
        if (CancelAt is { } cancelled && at >= cancelled)
        {
            var cancelledLines = _lines.Select((l, i) => new LineStatus
            {
                LineNumber = l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), PoLineSysId = poLineSysIds[i],
                State = LineState.Cancelled, OrderedQuantity = l.Quantity,
            }).ToList();
            return new OrderStatus { HeaderCode = "deleted", State = PoState.Cancelled, Lines = cancelledLines, OrderedQuantity = cancelledLines.Sum(l => l.OrderedQuantity) };
        }
        var lines = _lines.Select((l, i) => l.StatusAt(at, ReleaseAt, Number, poLineSysIds[i])).ToList();
        var state = lines.All(l => l.State == LineState.Invoiced) ? PoState.Invoiced
            : lines.All(l => l.State is LineState.Invoiced or LineState.Shipped) ? PoState.Shipped
            : lines.Any(l => l.ShippedQuantity > 0) ? PoState.Partial
            : lines.Any(l => l.State == LineState.Backordered) ? PoState.Backordered
            : lines.Any(l => l.State == LineState.Released) ? PoState.Released
            : PoState.Accepted;
        var invoices = invoicesQueried
            ? _lines.Where(l => at >= l.InvoiceAt).Select(l => new Invoice { Number = l.InvoiceNumber(Number), Date = l.InvoiceAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ToList()
            : [];
        return new OrderStatus
        {
            HeaderCode = state switch { PoState.Invoiced => "invoiced", PoState.Shipped => "shipped", _ => "accepted" },
            State = state,
            Lines = lines,
            OrderedQuantity = lines.Sum(l => l.OrderedQuantity),
            ShippedQuantity = lines.Sum(l => l.ShippedQuantity),
            BackorderedQuantity = lines.Sum(l => l.BackorderedQuantity),
            TrackingNumbers = lines.SelectMany(l => l.TrackingNumbers).ToList(),
            Carriers = lines.SelectMany(l => l.Carriers).Distinct().ToList(),
            SalesOrderNumbers = lines.SelectMany(l => l.SalesOrderNumbers).ToList(),
            ShipDate = lines.Select(l => l.ShipDate).Where(d => d is not null).Max(),
            Eta = lines.Select(l => l.Eta).Where(d => d is not null).Min(),
            InvoicesQueried = invoicesQueried,
            Invoices = invoices,
        };
    }

    /// <summary>Lines with shipped quantity at <paramref name="at"/> (each is one sales order: one invoice expected).</summary>
    public int ShippedSalesOrders(DateTimeOffset at) => CancelAt is { } c && at >= c ? 0 : _lines.Count(l => at >= l.ShipAt);

    /// <summary>Lines (sales orders) whose invoice exists at <paramref name="at"/>: PO Status shows them <c>invoiced</c>.</summary>
    public int InvoicedSalesOrders(DateTimeOffset at) => CancelAt is { } c && at >= c ? 0 : _lines.Count(l => at >= l.InvoiceAt);

    /// <summary>Midnight UTC of the earliest ship date among shipped lines not invoiced yet at <paramref name="at"/>.</summary>
    public DateTimeOffset? WaitingForInvoiceSince(DateTimeOffset at) =>
        _lines.Where(l => at >= l.ShipAt && at < l.InvoiceAt).Select(l => (DateTimeOffset?)new DateTimeOffset(l.ShipAt.UtcDateTime.Date, TimeSpan.Zero)).Min();

    public bool AllInvoiced(DateTimeOffset at) => CancelAt is null && _lines.All(l => at >= l.InvoiceAt);
}
