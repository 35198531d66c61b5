using Microsoft.CodeAnalysis;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>Whether a type or member a rule uses is on the allow-list (<see cref="RuleAllowList"/>).</summary>
internal static class RuleSymbolRules
{
    static readonly HashSet<string> RegexMatchingMethods = new(StringComparer.Ordinal)
    {
        "IsMatch", "Match", "Matches", "Replace", "Split", "Count", "EnumerateMatches", "EnumerateSplits",
    };

    public static string? Problem(ISymbol symbol, IAssemblySymbol rule)
    {
        if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, rule))
            return null; // the rule's own code is checked where it is declared
        switch (symbol)
        {
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol:
                return null;
            case ITypeSymbol type:
                return TypeProblem(type, rule);
            case IEventSymbol:
                return $"events are not allowed in rules (an event runs its handlers elsewhere): {RuleAllowList.Summary}";
            case IMethodSymbol method:
                var definition = method.ReducedFrom ?? method;
                return MemberProblem(definition, rule) ?? RegexProblem(definition)
                    ?? method.TypeArguments.Select(t => TypeProblem(t, rule)).FirstOrDefault(p => p is not null);
            case IPropertySymbol or IFieldSymbol:
                return MemberProblem(symbol, rule);
            default:
                return null;
        }
    }

    static string? MemberProblem(ISymbol member, IAssemblySymbol rule)
    {
        if (member.ContainingType is not { } type)
            return null;
        if (type.IsAnonymousType || type.IsTupleType)
            return null;
        var name = $"{MetadataName(type)}.{member.Name}";
        if (RuleAllowList.DeniedMembers.TryGetValue(name, out var why))
            return $"'{name}' is not allowed in rules ({why}): {RuleAllowList.Summary}";
        return TypeProblem(type, rule);
    }

    // Regex without a timeout can backtrack for hours inside the framework, where no budget check runs.
    static string? RegexProblem(IMethodSymbol method)
    {
        if (MetadataName(method.ContainingType) != "System.Text.RegularExpressions.Regex")
            return null;
        var matches = method.MethodKind == MethodKind.Constructor || (method.IsStatic && RegexMatchingMethods.Contains(method.Name));
        if (!matches || method.Parameters.Any(p => p.Type.Name == "TimeSpan"))
            return null;
        return $"Regex needs a timeout in rules: use an overload with a TimeSpan, e.g. new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50))";
    }

    public static string? TypeProblem(ITypeSymbol? type, IAssemblySymbol rule)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol or IErrorTypeSymbol:
                return null;
            case IArrayTypeSymbol array:
                return TypeProblem(array.ElementType, rule);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointers are not allowed in rules";
            case IDynamicTypeSymbol:
                return "dynamic is not allowed in rules";
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                    if (TypeProblem(argument, rule) is { } problem)
                        return problem;
                if (SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, rule) || named.IsAnonymousType)
                    return null;
                // Nested types of an allowed type (List<T>.Enumerator, Dictionary<K,V>.KeyCollection) come with it.
                if (named.ContainingType is { } outer)
                    return TypeProblem(outer, rule);
                var ns = named.ContainingNamespace?.ToDisplayString() ?? "";
                if (RuleAllowList.OwnNamespaces.Contains(ns))
                    return null;
                var name = MetadataName(named);
                if (RuleAllowList.Types.Contains(name))
                    return null;
                return ns.StartsWith("OrderStatusFlow", StringComparison.Ordinal)
                    ? $"'{name}' is not allowed in rules (connector internals): {RuleAllowList.Summary}"
                    : $"'{name}' is not allowed in rules: {RuleAllowList.Summary}";
            default:
                return null;
        }
    }

    static string MetadataName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return type.ContainingType is { } outer ? $"{MetadataName(outer)}.{type.Name}" : ns + type.Name;
    }
}
