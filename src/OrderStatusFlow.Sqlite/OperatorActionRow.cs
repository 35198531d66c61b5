namespace OrderStatusFlow.Sqlite;

/// <summary>One <c>operator_actions</c> row.</summary>
public sealed record OperatorActionRow
{
    public long ActionId { get; init; }
    public string At { get; init; } = "";
    public string Who { get; init; } = "";
    public string Action { get; init; } = "";
    public string? Target { get; init; }
    public string? Detail { get; init; }
}
