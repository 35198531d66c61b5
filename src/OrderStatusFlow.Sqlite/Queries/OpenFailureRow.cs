namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>A PO whose last outcome is failed (view <c>v_open_failures</c>), as <see cref="ActivityLogQueries.OpenFailuresAsync"/> returns it.</summary>
public sealed record OpenFailureRow
{
    public string PoNumber { get; init; } = "";
    public string PoSysId { get; init; } = "";

    /// <summary>When the latest failure was recorded (ISO-8601 UTC).</summary>
    public string At { get; init; } = "";

    /// <summary>The first failure of the current streak (ISO-8601 UTC).</summary>
    public string FailingSince { get; init; } = "";

    public long RunId { get; init; }
    public string? TdsStatus { get; init; }
    public string? Error { get; init; }

    /// <summary>How many cycles in a row the PO failed.</summary>
    public long ConsecutiveFailures { get; init; }
}
