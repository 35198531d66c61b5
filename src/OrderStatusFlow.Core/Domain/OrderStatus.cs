namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// The interpreted TD SYNNEX status of one PO: what the rules see. Produced by an
/// <see cref="Seams.IStatusProvider"/>; lists are distinct, in order of first appearance.
/// </summary>
public sealed record OrderStatus
{
    /// <summary>The header <c>Code</c> exactly as received (trimmed), e.g. <c>accepted</c> or <c>notFound</c>.</summary>
    public required string HeaderCode { get; init; }

    public string? Reason { get; init; }

    public required PoState State { get; init; }

    public IReadOnlyList<LineStatus> Lines { get; init; } = [];

    public int OrderedQuantity { get; init; }

    public int ShippedQuantity { get; init; }

    public int BackorderedQuantity { get; init; }

    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public IReadOnlyList<string> SerialNumbers { get; init; } = [];

    public IReadOnlyList<string> Carriers { get; init; } = [];

    public IReadOnlyList<string> SalesOrderNumbers { get; init; } = [];

    /// <summary>Latest ship date over all lines.</summary>
    public string? ShipDate { get; init; }

    /// <summary>Earliest ETA of back-ordered quantity over all lines.</summary>
    public string? Eta { get; init; }

    /// <summary>Invoices returned by the invoice query; empty when it was not called or returned none.</summary>
    public IReadOnlyList<Invoice> Invoices { get; init; } = [];

    /// <summary>True when the invoice query was called for this PO in this cycle.</summary>
    public bool InvoicesQueried { get; init; }

    /// <summary>
    /// Why the invoice query gave no invoices this cycle although it was due (none available yet, or a transient
    /// failure); null when it returned invoices or was not called. The PO simply cannot reach Invoiced this cycle.
    /// </summary>
    public string? InvoiceNote { get; init; }

    /// <summary>TD SYNNEX line numbers that matched no ServiceNow line (reported, never written).</summary>
    public IReadOnlyList<string> UnmatchedLineNumbers { get; init; } = [];

    public bool IsNotFound => State == PoState.NotFound;
}
