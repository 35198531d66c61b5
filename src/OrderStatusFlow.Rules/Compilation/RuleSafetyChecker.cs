using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// Rejects, at compile time and with a location, every script construct that could reach outside the rule: I/O,
/// processes, threads, environment, reflection and code generation, network, unsafe code and interop, and the
/// connector's own internals. Works on the symbols the semantic model binds, so aliases and <c>var</c> do not hide them.
/// </summary>
internal static class RuleSafetyChecker
{
    const string Advice = "rules may only read the PO, the TD SYNNEX status and the settings, and set fields";

    static readonly (string Prefix, string What)[] DeniedNamespaces =
    [
        ("System.IO", "file and stream I/O"),
        ("System.Net", "network access"),
        ("System.Diagnostics", "processes and diagnostics"),
        ("System.Reflection", "reflection and code generation"),
        ("System.Runtime", "runtime services, interop and assembly loading"),
        ("System.Threading", "threads and tasks"),
        ("System.Security", "security APIs"),
        ("System.Resources", "resource loading"),
        ("System.Timers", "timers"),
        ("System.Linq.Expressions", "expression compilation"),
        ("System.CodeDom", "code generation"),
        ("System.Configuration", "process configuration"),
        ("Microsoft", "platform APIs"),
    ];

    static readonly Dictionary<string, string> DeniedTypes = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "the process environment",
        ["System.AppDomain"] = "the application domain",
        ["System.AppContext"] = "the application context",
        ["System.Activator"] = "creating objects by reflection",
        ["System.Type"] = "reflection",
        ["System.GC"] = "the garbage collector",
        ["System.Console"] = "console I/O",
        ["System.TypedReference"] = "unsafe references",
        ["System.ArgIterator"] = "unsafe references",
        ["System.RuntimeTypeHandle"] = "reflection",
        ["System.RuntimeMethodHandle"] = "reflection",
        ["System.RuntimeFieldHandle"] = "reflection",
        ["System.ModuleHandle"] = "reflection",
        ["System.MarshalByRefObject"] = "remoting",
        ["System.Buffer"] = "raw memory access",
    };

    static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "System.Object.GetType",
        "System.Exception.TargetSite",
        "System.Delegate.Method",
    };

    // The connector's types a script may use: the domain records and its own globals; nothing that does I/O.
    static readonly HashSet<string> AllowedOwnNamespaces = new(StringComparer.Ordinal)
    {
        "OrderStatusFlow.Core.Domain",
        "OrderStatusFlow.Rules.Scripting",
    };

    public static IEnumerable<(Location Location, string Message)> Check(SyntaxTree tree, SemanticModel model)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var found = new List<(Location, string)>();
        foreach (var directive in root.GetReferenceDirectives())
            found.Add((directive.GetLocation(), "#r is not allowed: rules cannot reference other assemblies"));
        foreach (var directive in root.GetLoadDirectives())
            found.Add((directive.GetLocation(), "#load is not allowed: each rule is one self-contained file"));
        foreach (var token in root.DescendantTokens())
            if (TokenProblem(token) is { } problem)
                found.Add((token.GetLocation(), problem));
        var reportedLines = new HashSet<int>();
        foreach (var node in root.DescendantNodes())
        {
            var problem = SyntaxProblem(node) ?? SymbolProblem(node, model);
            if (problem is null)
                continue;
            // One finding per line is enough: "System.IO.File.ReadAllText" would otherwise be reported three times.
            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line;
            if (reportedLines.Add(line))
                found.Add((node.GetLocation(), problem));
        }
        return found.OrderBy(f => f.Item1.SourceSpan.Start);
    }

    static string? TokenProblem(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.UnsafeKeyword => "unsafe code is not allowed in rules",
        SyntaxKind.ExternKeyword => "extern (native code) is not allowed in rules",
        SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword =>
            $"'{token.Text}' is not allowed in rules",
        _ => null,
    };

    static string? SyntaxProblem(SyntaxNode node) => node switch
    {
        // A finalizer runs on the GC's thread, outside any budget: an endless one would stall every finalizer.
        DestructorDeclarationSyntax => "finalizers are not allowed in rules",
        GotoStatementSyntax => "goto is not allowed in rules: use a loop, which the budget can watch",
        TypeOfExpressionSyntax => $"typeof is not allowed in rules (reflection): {Advice}",
        PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax
            or ImplicitStackAllocArrayCreationExpressionSyntax => "pointers and stackalloc are not allowed in rules",
        _ => null,
    };

    static string? SymbolProblem(SyntaxNode node, SemanticModel model)
    {
        if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
            return null;
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol is null ? null : Describe(symbol);
    }

    static string? Describe(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return NamespaceProblem(ns.ToDisplayString(), ns.ToDisplayString());
            case ITypeSymbol type:
                return TypeProblem(type);
            case IMethodSymbol method:
                var definition = method.ReducedFrom ?? method;
                return MemberProblem(definition) ?? TypeProblem(definition.ContainingType)
                    ?? method.TypeArguments.Select(TypeProblem).FirstOrDefault(p => p is not null);
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                return MemberProblem(symbol) ?? TypeProblem(symbol.ContainingType);
            default:
                return null;
        }
    }

    static string? MemberProblem(ISymbol member)
    {
        var name = $"{member.ContainingType?.ToDisplayString()}.{member.Name}";
        return DeniedMembers.Contains(name) ? $"'{name}' is not allowed in rules (reflection): {Advice}" : null;
    }

    static string? TypeProblem(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol:
                return null;
            case IArrayTypeSymbol array:
                return TypeProblem(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointers are not allowed in rules";
            case IDynamicTypeSymbol:
                return "dynamic is not allowed in rules";
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                    if (TypeProblem(argument) is { } problem)
                        return problem;
                if (named.ContainingType is { } outer)
                    return TypeProblem(outer);
                var fullName = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
                    .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
                if (DeniedTypes.TryGetValue(fullName, out var what))
                    return $"'{fullName}' is not allowed in rules ({what}): {Advice}";
                return NamespaceProblem(named.ContainingNamespace?.ToDisplayString() ?? "", fullName);
            default:
                return null;
        }
    }

    static string? NamespaceProblem(string ns, string used)
    {
        if (ns.StartsWith("OrderStatusFlow", StringComparison.Ordinal))
            return AllowedOwnNamespaces.Contains(ns) || ns is "OrderStatusFlow" or "OrderStatusFlow.Core" or "OrderStatusFlow.Rules"
                ? null
                : $"'{used}' is not allowed in rules (connector internals): {Advice}";
        foreach (var (prefix, what) in DeniedNamespaces)
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
                return $"'{used}' is not allowed in rules ({what}): {Advice}";
        return null;
    }
}
