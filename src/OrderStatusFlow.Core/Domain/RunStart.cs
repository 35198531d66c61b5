namespace OrderStatusFlow.Core.Domain;

/// <summary>The start of one cycle (<c>sync_runs</c> row).</summary>
public sealed record RunStart(string Pipeline, DateTimeOffset StartedAt, string? RulesVersion, bool DryRun);

/// <summary>The end of one cycle: the counters stored on its <c>sync_runs</c> row.</summary>
public sealed record RunSummary
{
    public required long RunId { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public int OrdersSeen { get; init; }
    public int OrdersUpdated { get; init; }
    public int OrdersFailed { get; init; }
    public int OrdersUnchanged { get; init; }
    public int OrdersSkipped { get; init; }

    /// <summary>POs a dry run would have written (outcome would_update).</summary>
    public int OrdersWouldUpdate { get; init; }

    /// <summary>Records (PO or line) written to ServiceNow.</summary>
    public int Writes { get; init; }

    public string? RulesVersion { get; init; }

    /// <summary>Set when the cycle could not run to the end (e.g. ServiceNow unreachable).</summary>
    public string? Error { get; init; }
}

/// <summary>One <c>rule_loads</c> row.</summary>
public sealed record RuleLoadEntry
{
    public required DateTimeOffset At { get; init; }
    public required string RulesVersion { get; init; }

    /// <summary><c>active</c> or <c>rejected</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>JSON array of the rule files in the set (names and hashes).</summary>
    public required string FilesJson { get; init; }

    /// <summary>Every problem, one per line, as <c>file(line,col): message</c>; null when active.</summary>
    public string? Error { get; init; }
}
