using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>Hands out one rule set; assign <see cref="Current"/> to simulate a reload.</summary>
public sealed class StaticRuleSetProvider : IRuleSetProvider
{
    public StaticRuleSetProvider(IRuleSet? current = null) => Current = current ?? new FixedRuleSet();

    public IRuleSet Current { get; set; }
}
