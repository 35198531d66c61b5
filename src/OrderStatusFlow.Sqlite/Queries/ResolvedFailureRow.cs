namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>A PO that failed and later did not: its last failure and the event after it.</summary>
public sealed record ResolvedFailureRow
{
    public long EventId { get; init; }
    public string PoNumber { get; init; } = "";
    public string FailedAt { get; init; } = "";
    public string? Error { get; init; }
    public string? ResolvedAt { get; init; }
}
