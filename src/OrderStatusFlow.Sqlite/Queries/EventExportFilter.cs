namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>Which events <see cref="ActivityLogQueries.ExportEventsAsync"/> streams; every criterion is optional.</summary>
public sealed record EventExportFilter
{
    /// <summary>Events at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Events before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only this outcome (<c>updated</c>, <c>unchanged</c>, <c>skipped</c>, <c>failed</c>, <c>would_update</c>).</summary>
    public string? Outcome { get; init; }

    /// <summary>Only this PO number.</summary>
    public string? PoNumber { get; init; }
}
