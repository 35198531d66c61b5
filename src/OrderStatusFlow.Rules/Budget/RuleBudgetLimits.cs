namespace OrderStatusFlow.Rules.Budget;

/// <summary>How much one script may do for one PO before it is stopped.</summary>
public sealed record RuleBudgetLimits
{
    /// <summary>Loop iterations plus method/lambda calls per script per PO. Default 1,000,000.</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>Wall-clock time per script per PO, checked every 4096 steps. Default 250 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    public static RuleBudgetLimits Default { get; } = new();
}
