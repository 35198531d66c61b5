namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>A PO whose latest event failed, as <see cref="ActivityLogQueries.OpenFailuresAsync"/> returns it.</summary>
public sealed record OpenFailureRow
{
    public string PoNumber { get; init; } = "";
    public string PoSysId { get; init; } = "";
    public string At { get; init; } = "";
    public long RunId { get; init; }
    public string? TdsStatus { get; init; }
    public string? Error { get; init; }

    /// <summary>How many of the PO's latest events in a row failed.</summary>
    public long ConsecutiveFailures { get; init; }
}
