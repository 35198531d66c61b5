namespace OrderStatusFlow.Rules.Budget;

/// <summary>How much one script may do for one PO before it is stopped.</summary>
public sealed record RuleBudgetLimits
{
    /// <summary>Loop iterations plus method/lambda/query-clause calls per script per PO. Default 1,000,000.</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>Wall-clock time per script per PO, checked every 1024 steps. Default 250 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Bytes a script may allocate per PO, checked every 1024 steps and when the script ends. Default 64 MiB.</summary>
    public long MaxAllocatedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Stack a script may use below the point where it was called, checked on every call. Default 256 KiB.</summary>
    public int MaxStackBytes { get; init; } = 256 * 1024;

    public static RuleBudgetLimits Default { get; } = new();
}
