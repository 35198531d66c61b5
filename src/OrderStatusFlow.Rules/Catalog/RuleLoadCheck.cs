using OrderStatusFlow.Rules.Compilation;

namespace OrderStatusFlow.Rules.Catalog;

/// <summary>
/// What a load of a rules folder would refuse: <paramref name="Problems"/> (compile and safety diagnostics, fixture
/// failures, each located in the rule files) and <paramref name="RefusedSettings"/> (pipeline settings whose values
/// the rules do not accept).
/// </summary>
public sealed record RuleLoadCheck(IReadOnlyList<string> Problems, IReadOnlyList<RuleSettingProblem> RefusedSettings)
{
    public bool Succeeded => Problems.Count == 0 && RefusedSettings.Count == 0;
}
