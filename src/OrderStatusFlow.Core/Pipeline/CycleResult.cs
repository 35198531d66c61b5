namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The outcome of one cycle, with the exit-code meaning of Service/Cli/ExitCodes.cs.</summary>
public sealed record CycleResult
{
    /// <summary>The <c>sync_runs</c> row; 0 when the run could not even be recorded.</summary>
    public long RunId { get; init; }

    public required string Pipeline { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public CycleCounts Counts { get; init; } = new();

    /// <summary>False when the cycle could not run (to the end): source unreachable, authentication or configuration
    /// failure, activity log failure. <see cref="Error"/> says what and how to fix it.</summary>
    public bool CouldRun { get; init; } = true;

    public string? Error { get; init; }

    /// <summary>The cycle was asked to stop early; what was in flight was still recorded.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The pipeline has <c>enabled: false</c>; nothing ran.</summary>
    public bool Disabled { get; init; }

    public bool DryRun { get; init; }

    public string? RulesVersion { get; init; }

    /// <summary>What the scheduler decided (null when the cycle ran without a schedule).</summary>
    public Scheduling.ScheduleSummary? Schedule { get; init; }

    /// <summary>0 done; 1 the cycle could not run; 3 it ran but some orders failed.</summary>
    public int ExitCode => !CouldRun ? 1 : Counts.Failed > 0 ? 3 : 0;

    public override string ToString() =>
        Disabled ? $"{Pipeline}: disabled, nothing ran"
        : $"{Pipeline} run {RunId}: {Counts}{(Cancelled ? " (stopped early)" : "")}{(Error is null ? "" : "; " + Error)}";
}
