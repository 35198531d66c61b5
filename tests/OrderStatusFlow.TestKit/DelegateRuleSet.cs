using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>A rule set made of a delegate: whatever it does to the outcome is the rules' decision.</summary>
public sealed class DelegateRuleSet : IRuleSet
{
    readonly Action<RuleContext, RuleOutcome> _rule;
    int _evaluations;

    public DelegateRuleSet(string version, Action<RuleContext, RuleOutcome> rule)
    {
        Version = version;
        _rule = rule;
    }

    public string Version { get; }

    public int Evaluations => Volatile.Read(ref _evaluations);

    public RuleOutcome Evaluate(RuleContext context)
    {
        Interlocked.Increment(ref _evaluations);
        var outcome = new RuleOutcome();
        _rule(context, outcome);
        return outcome;
    }
}
