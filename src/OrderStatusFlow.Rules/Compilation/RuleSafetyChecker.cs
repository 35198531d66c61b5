using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OrderStatusFlow.Rules.Protection;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// Refuses, at compile time and with a location, everything a rule may not do. Works on what the semantic model binds
/// (so aliases, <c>var</c> and extension methods hide nothing): every type and member used must be the rule's own, one
/// of the rule globals or status types, or on <see cref="RuleAllowList"/>. On top of that, constructs that would run
/// code outside the evaluation's budget or keep state between POs are refused (<see cref="RuleConstructChecker"/>),
/// and literal writes of protected fields are flagged.
/// </summary>
internal static class RuleSafetyChecker
{
    public static IEnumerable<(Location Location, string Message)> Check(SyntaxTree tree, SemanticModel model, ProtectedFields protectedFields)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var found = new List<(Location, string)>();
        foreach (var directive in root.GetReferenceDirectives())
            found.Add((directive.GetLocation(), "#r is not allowed: rules cannot reference other assemblies"));
        foreach (var directive in root.GetLoadDirectives())
            found.Add((directive.GetLocation(), "#load is not allowed: each rule is one self-contained file"));
        foreach (var token in root.DescendantTokens())
            if (RuleConstructChecker.TokenProblem(token) is { } problem)
                found.Add((token.GetLocation(), problem));
        var reportedLines = new HashSet<int>();
        foreach (var node in root.DescendantNodes())
        {
            var problem = RuleConstructChecker.SyntaxProblem(node, model) ?? SymbolProblem(node, model)
                ?? ProtectedWrite(node, model, protectedFields);
            if (problem is null)
                continue;
            // One finding per line is enough: "System.IO.File.ReadAllText" would otherwise be reported three times.
            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line;
            if (reportedLines.Add(line))
                found.Add((node.GetLocation(), problem));
        }
        return found.OrderBy(f => f.Item1.SourceSpan.Start);
    }

    static string? SymbolProblem(SyntaxNode node, SemanticModel model)
    {
        if (node is QueryClauseSyntax or OrderingSyntax or SelectOrGroupClauseSyntax)
            return QueryProblem(node, model);
        if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
            return null;
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol is null ? null : RuleSymbolRules.Problem(symbol, model.Compilation.Assembly);
    }

    // Query clauses call Select, Where, SelectMany, ... implicitly: the methods they bind to must be allowed too.
    static string? QueryProblem(SyntaxNode node, SemanticModel model)
    {
        var symbols = new List<ISymbol?>();
        switch (node)
        {
            case QueryClauseSyntax clause:
                var info = model.GetQueryClauseInfo(clause);
                symbols.Add(info.CastInfo.Symbol);
                symbols.Add(info.OperationInfo.Symbol);
                break;
            default:
                symbols.Add(model.GetSymbolInfo(node).Symbol);
                break;
        }
        foreach (var symbol in symbols)
            if (symbol is not null && RuleSymbolRules.Problem(symbol, model.Compilation.Assembly) is { } problem)
                return problem;
        return null;
    }

    static readonly HashSet<string> WriteMethods = new(StringComparer.Ordinal) { "Set", "AppendNote" };

    // Set("number", ...), line.Set("sys_id", ...), AppendNote("u_tds_cpo_id", ...): refused when the field is a constant.
    static string? ProtectedWrite(SyntaxNode node, SemanticModel model, ProtectedFields protectedFields)
    {
        if (node is not InvocationExpressionSyntax invocation || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
            return null;
        if (!WriteMethods.Contains(method.Name) || method.ContainingNamespace?.ToDisplayString() != "OrderStatusFlow.Rules.Scripting")
            return null;
        var fieldParameter = method.Parameters.FirstOrDefault(p => p.Name == "field");
        if (fieldParameter is null)
            return null;
        var position = method.Parameters.IndexOf(fieldParameter);
        var arguments = invocation.ArgumentList.Arguments;
        var argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "field")
            ?? (position < arguments.Count && arguments[position].NameColon is null ? arguments[position] : null);
        if (argument is null || model.GetConstantValue(argument.Expression) is not { HasValue: true, Value: string field })
            return null;
        return protectedFields.Problem(field) is { } problem ? $"this rule writes a protected field: {problem}" : null;
    }
}
