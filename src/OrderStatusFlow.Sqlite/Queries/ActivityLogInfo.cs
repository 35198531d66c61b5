namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// The state of the log file, as <see cref="ActivityLogQueries.InfoAsync"/> returns it: schema, retention in force,
/// what is kept and how big the file is. Timestamps are ISO-8601 UTC text; null when there is no such row.
/// </summary>
public sealed record ActivityLogInfo
{
    public long SchemaVersion { get; init; }

    /// <summary>The retention the latest pass applied (<c>d.hh:mm:ss</c>); null before the first pass.</summary>
    public string? Retention { get; init; }

    public string? RetentionLastPassAt { get; init; }

    /// <summary>Rows older than this were removed by the latest pass.</summary>
    public string? RetentionLastCutoff { get; init; }

    public string? OldestRunAt { get; init; }
    public string? OldestEventAt { get; init; }
    public string? OldestRuleLoadAt { get; init; }
    public long Runs { get; init; }
    public long Events { get; init; }
    public long PurchaseOrders { get; init; }
    public long OpenFailures { get; init; }

    /// <summary>Size of the database file (without its WAL) in bytes.</summary>
    public long FileBytes { get; init; }

    /// <summary>Pages free inside the file (reused by new rows, or given back by incremental vacuum).</summary>
    public long FreePages { get; init; }

    public long PageSize { get; init; }

    /// <summary><c>incremental</c> (the file shrinks after retention), <c>none</c> or <c>full</c>.</summary>
    public string AutoVacuum { get; init; } = "";
}
