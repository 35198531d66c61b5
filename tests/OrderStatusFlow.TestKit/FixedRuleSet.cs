using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// A rule set like the shipped one in miniature: writes the header code as <c>u_tds_order_status</c>
/// (<c>TDS Accepted</c> for accepted, etc.) and, per line, <c>u_tds_line_status</c>.
/// </summary>
public sealed class FixedRuleSet : IRuleSet
{
    public FixedRuleSet(string version = "rules-v1") => Version = version;

    public string Version { get; }

    public RuleOutcome Evaluate(RuleContext context)
    {
        var outcome = new RuleOutcome();
        var label = "TDS " + context.Status.State;
        outcome.SetPo("u_tds_order_status", label);
        foreach (var line in context.Po.Lines)
            outcome.SetLine(line.SysId, "u_tds_line_status", label);
        return outcome;
    }
}
