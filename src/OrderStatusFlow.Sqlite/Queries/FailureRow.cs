namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>An open failure: a PO whose latest event failed, with when its run of failures began.</summary>
public sealed record FailureRow
{
    public long EventId { get; init; }
    public string PoNumber { get; init; } = "";
    public string At { get; init; } = "";
    public long RunId { get; init; }
    public string? TdsStatus { get; init; }
    public string? Error { get; init; }
    public string? Since { get; init; }
    public long Consecutive { get; init; }
}
