namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>One <c>sync_runs</c> row as <see cref="ActivityLogQueries.LastRunsAsync"/> returns it.</summary>
public sealed record RunRow
{
    public long RunId { get; init; }
    public string Pipeline { get; init; } = "";
    public string StartedAt { get; init; } = "";

    /// <summary>Null while the run is in progress (or when the process died during it).</summary>
    public string? FinishedAt { get; init; }

    public double? DurationSeconds { get; init; }
    public long? OrdersSeen { get; init; }
    public long? OrdersUpdated { get; init; }
    public long? OrdersFailed { get; init; }
    public long? OrdersUnchanged { get; init; }
    public long? OrdersSkipped { get; init; }
    public long? OrdersWouldUpdate { get; init; }
    public long? Writes { get; init; }
    public string? RulesVersion { get; init; }
    public bool DryRun { get; init; }
    public string? Error { get; init; }
}
