namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// The interpreted TD SYNNEX status of one PO line: all rows with the same <c>lineNumber</c> aggregated.
/// Lists are distinct, in order of first appearance. Dates are <c>YYYY-MM-DD</c> or null.
/// </summary>
public sealed record LineStatus
{
    /// <summary>TD SYNNEX <c>Item@lineNumber</c>.</summary>
    public required string LineNumber { get; init; }

    /// <summary>The PO line (sys_id) this line was matched to, or null when no PO line matched.</summary>
    public string? PoLineSysId { get; init; }

    public required LineState State { get; init; }

    /// <summary>Ordered quantity: ServiceNow <c>ordered_quantity</c> when known, else the sum over TD SYNNEX rows.</summary>
    public int OrderedQuantity { get; init; }

    /// <summary>Sum of <c>ShipQuantity</c> over non-deleted rows, capped at <see cref="OrderedQuantity"/>.</summary>
    public int ShippedQuantity { get; init; }

    /// <summary>Unshipped quantity of the line's <c>BO</c> rows (0 when none).</summary>
    public int BackorderedQuantity { get; init; }

    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public IReadOnlyList<string> SerialNumbers { get; init; } = [];

    /// <summary><c>ShipMethodDescription</c> of shipped rows, trimmed.</summary>
    public IReadOnlyList<string> Carriers { get; init; } = [];

    public IReadOnlyList<string> SalesOrderNumbers { get; init; } = [];

    /// <summary>Latest ship date of the line.</summary>
    public string? ShipDate { get; init; }

    /// <summary>ETA of the back-ordered quantity; null when nothing is back-ordered.</summary>
    public string? Eta { get; init; }

    /// <summary>
    /// Earliest <c>EstimatedShipDate</c> (<c>YYYY-MM-DD</c>) of the line's unshipped, not back-ordered rows: when TD
    /// SYNNEX expects to ship them; null when it gave none.
    /// </summary>
    public string? EstimatedShipDate { get; init; }

    /// <summary>The row codes as received, lower-cased and trimmed, in row order.</summary>
    public IReadOnlyList<string> RowCodes { get; init; } = [];
}
