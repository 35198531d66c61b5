namespace OrderStatusFlow.Rules.Budget;

/// <summary>Thrown inside a rule script when it spends its budget; the rule set turns it into a rule failure.</summary>
public sealed class RuleBudgetExceededException : Exception
{
    public RuleBudgetExceededException(string message) : base(message)
    {
    }
}
