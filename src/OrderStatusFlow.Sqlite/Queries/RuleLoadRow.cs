namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>One <c>rule_loads</c> row.</summary>
public sealed record RuleLoadRow
{
    public long LoadId { get; init; }
    public string At { get; init; } = "";
    public string RulesVersion { get; init; } = "";
    public string Outcome { get; init; } = "";
    public string? FilesJson { get; init; }
    public string? Error { get; init; }
}
