namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>One <c>sync_events</c> row of a PO's history, as <see cref="ActivityLogQueries.PoHistoryAsync"/> returns it.</summary>
public sealed record PoEventRow
{
    public long EventId { get; init; }
    public long RunId { get; init; }
    public string At { get; init; } = "";
    public string PoNumber { get; init; } = "";
    public string PoSysId { get; init; } = "";
    public string Outcome { get; init; } = "";
    public string? TdsStatus { get; init; }
    public string? PreviousStatus { get; init; }
    public string? NewStatus { get; init; }
    public string? FieldsJson { get; init; }
    public string? Error { get; init; }
    public string? Detail { get; init; }
    public string? RulesVersion { get; init; }
}
