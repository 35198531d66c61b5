namespace OrderStatusFlow.Rules.Compilation;

/// <summary>A pipeline setting whose value the rules refuse: <paramref name="Name"/> is the key under <c>settings</c>.</summary>
public sealed record RuleSettingProblem(string Name, string Message)
{
    public override string ToString() => Message;
}
