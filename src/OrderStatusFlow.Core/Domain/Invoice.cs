namespace OrderStatusFlow.Core.Domain;

/// <summary>One TD SYNNEX invoice for a PO, from the invoice query.</summary>
public sealed record Invoice
{
    public required string Number { get; init; }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The TD SYNNEX sales order the invoice is for (<c>InternalReferenceNumber</c>), when given.</summary>
    public string? SalesOrderNumber { get; init; }

    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public IReadOnlyList<string> SerialNumbers { get; init; } = [];

    public decimal? Total { get; init; }

    public decimal? Freight { get; init; }
}
