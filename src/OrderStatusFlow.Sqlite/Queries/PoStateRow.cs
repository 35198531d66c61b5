namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>One <c>po_state</c> row (the PO as the connector last saw it), as <see cref="ActivityLogQueries.PoStateAsync"/> returns it.</summary>
public sealed record PoStateRow
{
    public string PoSysId { get; init; } = "";
    public string PoNumber { get; init; } = "";

    /// <summary>The TDS label the PO holds now (as last written or read).</summary>
    public string? Status { get; init; }

    public string? TdsStatus { get; init; }
    public long? LastRunId { get; init; }
    public string? LastCheckedAt { get; init; }
    public string? LastChangedAt { get; init; }
    public string? LastOutcome { get; init; }
    public string? FailingSince { get; init; }
    public long ConsecutiveFailures { get; init; }
    public string? NextCheckAt { get; init; }
    public string? LastError { get; init; }
}
