namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// The simulated world of <c>bench week</c>: how TD SYNNEX orders progress. Every number and where it comes from is in
/// docs/benchmark-week.md; change them there too.
/// </summary>
internal static class WorldParameters
{
    /// <summary>Share of POs the TD SYNNEX rep cancels (header <c>deleted</c>) during review, unannounced.</summary>
    public const double CancelledInReview = 0.03;

    /// <summary>Review and release to a warehouse: this many hours after acceptance (uniform).</summary>
    public const double ReleaseMinHours = 1, ReleaseMaxHours = 8;

    /// <summary>EstimatedShipDate: this many days after the release date (uniform whole days).</summary>
    public const int ShipDateMinDays = 0, ShipDateMaxDays = 3;

    /// <summary>Shipments happen during the warehouse day: this many hours after midnight UTC of the ship day (uniform).</summary>
    public const double ShipHourMin = 8, ShipHourMax = 20;

    /// <summary>Share of released lines that ship before their EstimatedShipDate, at a random time after release (unannounced).</summary>
    public const double ShipsEarlyUnannounced = 0.03;

    /// <summary>Share of POs with a back-ordered line.</summary>
    public const double Backordered = 0.20;

    /// <summary>ETADate of a back-ordered line: this many days after release (uniform whole days).</summary>
    public const int EtaMinDays = 7, EtaMaxDays = 35;

    /// <summary>Share of back-orders whose ETA slips (an announced change of ETADate) once, by this many days.</summary>
    public const double EtaSlips = 0.20;

    public const int EtaSlipMinDays = 3, EtaSlipMaxDays = 10;

    /// <summary>Share of back-orders that ship 1 to 5 days before their ETA (stock arrived early; unannounced).</summary>
    public const double BackorderShipsEarly = 0.08;

    /// <summary>The invoice of a shipped sales order appears this many days after it shipped (uniform).</summary>
    public const double InvoiceMinDays = 1, InvoiceMaxDays = 4;

    /// <summary>Share of POs with two lines (one sales order each); the others have one.</summary>
    public const double TwoLines = 0.5;
}
