using System.Globalization;
using OrderStatusFlow.Core.Domain;
using static OrderStatusFlow.Bench.Week.WorldParameters;

namespace OrderStatusFlow.Bench.Week;

/// <summary>One PO line (one sales order) in the simulated world: released or back-ordered, shipped, invoiced.</summary>
internal sealed class LineScript
{
    public int Number { get; private init; }

    public int Quantity { get; private init; }

    public bool IsBackorder { get; private init; }

    /// <summary>Released lines: the announced ship date. Back-orders: the ETA first given.</summary>
    public DateOnly AnnouncedDate { get; private init; }

    public DateTimeOffset? EtaSlipAt { get; private init; }

    public DateOnly? SlippedEta { get; private init; }

    public DateTimeOffset ShipAt { get; private init; }

    /// <summary>True when the line shipped on or after the date TD SYNNEX announced.</summary>
    public bool ShipAnnounced { get; private init; }

    public DateTimeOffset InvoiceAt { get; private init; }

    public static LineScript Stocked(int number, DateTimeOffset releaseAt, Random random)
    {
        var shipDate = DateOnly.FromDateTime(releaseAt.UtcDateTime).AddDays(random.Next(ShipDateMinDays, ShipDateMaxDays + 1));
        var onDate = AtHour(shipDate, random);
        var early = random.NextDouble() < ShipsEarlyUnannounced && Midnight(shipDate) > releaseAt;
        var shipAt = early ? releaseAt + (Midnight(shipDate) - releaseAt) * random.NextDouble()
            : onDate > releaseAt ? onDate
            : releaseAt + TimeSpan.FromHours(0.5 + 3.5 * random.NextDouble()); // released on its ship day, past the hour drawn
        return new LineScript
        {
            Number = number, Quantity = 1 + random.Next(5), AnnouncedDate = shipDate, ShipAt = shipAt, ShipAnnounced = !early,
            InvoiceAt = shipAt + TimeSpan.FromDays(InvoiceMinDays + random.NextDouble() * (InvoiceMaxDays - InvoiceMinDays)),
        };
    }

    public static LineScript Backorder(int number, DateTimeOffset releaseAt, Random random)
    {
        var eta = DateOnly.FromDateTime(releaseAt.UtcDateTime).AddDays(random.Next(EtaMinDays, EtaMaxDays + 1));
        DateTimeOffset? slipAt = null;
        DateOnly? slipped = null;
        if (random.NextDouble() < EtaSlips)
        {
            slipAt = releaseAt + (Midnight(eta) - releaseAt) * (0.2 + 0.7 * random.NextDouble());
            slipped = eta.AddDays(random.Next(EtaSlipMinDays, EtaSlipMaxDays + 1));
        }
        var finalEta = slipped ?? eta;
        var early = random.NextDouble() < BackorderShipsEarly;
        var shipAt = early ? AtHour(finalEta.AddDays(-random.Next(1, 6)), random) : AtHour(finalEta, random);
        if (shipAt <= (slipAt ?? releaseAt))
            shipAt = (slipAt ?? releaseAt) + TimeSpan.FromHours(1);
        return new LineScript
        {
            Number = number, Quantity = 1 + random.Next(5), IsBackorder = true, AnnouncedDate = eta, EtaSlipAt = slipAt, SlippedEta = slipped,
            ShipAt = shipAt, ShipAnnounced = !early,
            InvoiceAt = shipAt + TimeSpan.FromDays(InvoiceMinDays + random.NextDouble() * (InvoiceMaxDays - InvoiceMinDays)),
        };
    }

    public string InvoiceNumber(string poNumber) => $"9{poNumber[2..]}{Number}";

    public LineStatus StatusAt(DateTimeOffset at, DateTimeOffset releaseAt, string poNumber, string poLineSysId)
    {
        var number = Number.ToString(CultureInfo.InvariantCulture);
        var salesOrder = $"SO{poNumber[2..]}{number}";
        if (at >= ShipAt)
            return new LineStatus
            {
                LineNumber = number, PoLineSysId = poLineSysId, OrderedQuantity = Quantity, ShippedQuantity = Quantity,
                State = at >= InvoiceAt ? LineState.Invoiced : LineState.Shipped,
                TrackingNumbers = [$"1Z{poNumber[2..]}{number}"], Carriers = ["UPS Ground"], SalesOrderNumbers = [salesOrder],
                ShipDate = Date(DateOnly.FromDateTime(ShipAt.UtcDateTime)),
                RowCodes = [at >= InvoiceAt ? "invoiced" : "shipped"],
            };
        if (at < releaseAt)
            return new LineStatus { LineNumber = number, PoLineSysId = poLineSysId, OrderedQuantity = Quantity, State = LineState.Accepted, SalesOrderNumbers = [salesOrder], RowCodes = ["accepted"] };
        if (IsBackorder)
            return new LineStatus
            {
                LineNumber = number, PoLineSysId = poLineSysId, OrderedQuantity = Quantity, BackorderedQuantity = Quantity, State = LineState.Backordered,
                Eta = Date(EtaSlipAt is { } slip && at >= slip ? SlippedEta!.Value : AnnouncedDate), SalesOrderNumbers = [salesOrder], RowCodes = ["accepted"],
            };
        return new LineStatus
        {
            LineNumber = number, PoLineSysId = poLineSysId, OrderedQuantity = Quantity, State = LineState.Released,
            EstimatedShipDate = Date(AnnouncedDate), SalesOrderNumbers = [salesOrder], RowCodes = ["accepted"],
        };
    }

    static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    static DateTimeOffset AtHour(DateOnly day, Random random) => Midnight(day) + TimeSpan.FromHours(ShipHourMin + random.NextDouble() * (ShipHourMax - ShipHourMin));

    static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
