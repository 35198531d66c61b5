using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// The settings a rule set declares a closed list of values for, read from the scripts at compile time: a call
/// <c>Setting("name", "default", "a", "b")</c> whose arguments are all string literals declares that
/// <c>settings.name</c> accepts <c>a</c> and <c>b</c> (case-insensitive). Lint and every load check the pipeline's
/// settings against these before a set is activated, so a value no rule accepts is refused before any PO runs.
/// </summary>
public sealed class RuleSettingChoices
{
    readonly Dictionary<string, List<string>> _allowed = new(StringComparer.Ordinal);

    /// <summary>Setting name to the values the rules accept, in declaration order.</summary>
    public IReadOnlyDictionary<string, List<string>> Allowed => _allowed;

    internal void AddFrom(SyntaxTree tree)
    {
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not IdentifierNameSyntax { Identifier.ValueText: "Setting" } || call.ArgumentList.Arguments.Count < 3)
                continue;
            var literals = call.ArgumentList.Arguments
                .Select(a => a.Expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) ? l.Token.ValueText : null)
                .ToList();
            if (literals.Any(l => l is null))
                continue;
            if (!_allowed.TryGetValue(literals[0]!, out var values))
                _allowed[literals[0]!] = values = [];
            foreach (var value in literals.Skip(2))
                if (!values.Contains(value!, StringComparer.OrdinalIgnoreCase))
                    values.Add(value!);
        }
    }

    /// <summary>Every pipeline setting whose value none of the rules accepts; blank means "the rule's default".</summary>
    public IReadOnlyList<RuleSettingProblem> Check(IReadOnlyDictionary<string, string> settings)
    {
        var problems = new List<RuleSettingProblem>();
        foreach (var (name, values) in _allowed)
        {
            if (!settings.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
                continue;
            if (!values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
                problems.Add(new RuleSettingProblem(name, $"settings.{name} is '{value}'; the rules accept: {string.Join(", ", values)}"));
        }
        return problems;
    }
}
