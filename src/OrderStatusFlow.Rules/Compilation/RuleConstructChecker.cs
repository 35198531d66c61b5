using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// Language constructs a rule may not use, whatever types it names: those that run code outside the evaluation
/// (finalizers, async, module initializers through attributes, events), that keep state from one PO to the next
/// (static fields), that could swallow a budget stop (catch-all clauses), or whose compiler-generated code would run
/// outside the budget checks (records).
/// </summary>
internal static class RuleConstructChecker
{
    public static string? TokenProblem(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.UnsafeKeyword => "unsafe code is not allowed in rules",
        SyntaxKind.ExternKeyword => "extern (native code) is not allowed in rules",
        SyntaxKind.AsyncKeyword when token.Parent is not IdentifierNameSyntax =>
            "async is not allowed in rules: a rule runs start to finish for one PO and must not wait for anything",
        SyntaxKind.VolatileKeyword => "volatile is not allowed in rules",
        SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword =>
            $"'{token.Text}' is not allowed in rules",
        _ => null,
    };

    public static string? SyntaxProblem(SyntaxNode node, SemanticModel model) => node switch
    {
        // A finalizer runs on the GC's thread, outside any budget: an endless one would stall every finalizer.
        DestructorDeclarationSyntax => "finalizers are not allowed in rules (they run on another thread, outside the rule's budget)",
        AttributeListSyntax => "attributes are not allowed in rules (e.g. [ModuleInitializer] would run code outside the rule's budget)",
        AwaitExpressionSyntax => "await is not allowed in rules: a rule runs start to finish for one PO and must not wait for anything",
        LockStatementSyntax => "lock is not allowed in rules: a rule runs on one thread and shares nothing",
        EventDeclarationSyntax or EventFieldDeclarationSyntax => "events are not allowed in rules (an event runs its handlers elsewhere)",
        DelegateDeclarationSyntax => "delegate types are not allowed in rules: use Func<...> or Action<...>",
        RecordDeclarationSyntax => "records are not allowed in rules (their generated ToString/Equals run outside the rule's budget): use a class",
        GotoStatementSyntax => "goto is not allowed in rules: use a loop, which the budget can watch",
        TypeOfExpressionSyntax => "typeof is not allowed in rules (reflection)",
        PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax
            or ImplicitStackAllocArrayCreationExpressionSyntax => "pointers and stackalloc are not allowed in rules",
        CatchClauseSyntax katch => CatchProblem(katch, model),
        FieldDeclarationSyntax field => StaticFieldProblem(field.Modifiers),
        PropertyDeclarationSyntax property => StaticPropertyProblem(property),
        ConstructorDeclarationSyntax ctor when ctor.Modifiers.Any(SyntaxKind.StaticKeyword) =>
            "static constructors are not allowed in rules (they run once per process, not per PO)",
        BaseTypeDeclarationSyntax type => BaseTypeProblem(type, model),
        _ => null,
    };

    // Budget stops (and out-of-memory, and stack exhaustion) derive from Exception or SystemException: a rule may only
    // catch specific exceptions, so that nothing it catches can be one of those.
    static string? CatchProblem(CatchClauseSyntax katch, SemanticModel model)
    {
        const string Advice = "catch a specific exception instead, e.g. catch (FormatException)";
        if (katch.Declaration is null)
            return $"a catch-all clause is not allowed in rules (it would hide a budget stop): {Advice}";
        var type = model.GetTypeInfo(katch.Declaration.Type).Type;
        var name = type?.ToDisplayString();
        return name is "System.Exception" or "System.SystemException" or "System.OutOfMemoryException"
            or "System.InsufficientExecutionStackException" or "System.OperationCanceledException"
            ? $"catching {name} is not allowed in rules (it would hide a budget stop): {Advice}"
            : null;
    }

    static string? StaticFieldProblem(SyntaxTokenList modifiers) =>
        modifiers.Any(SyntaxKind.StaticKeyword) && !modifiers.Any(SyntaxKind.ConstKeyword)
            ? "static fields are not allowed in rules (they would carry state from one PO to the next): use a local variable, or const"
            : null;

    static string? StaticPropertyProblem(PropertyDeclarationSyntax property)
    {
        if (!property.Modifiers.Any(SyntaxKind.StaticKeyword) || property.ExpressionBody is not null)
            return null;
        var auto = property.AccessorList?.Accessors.Any(a => a.Body is null && a.ExpressionBody is null) ?? false;
        return auto || property.Initializer is not null
            ? "static auto-properties are not allowed in rules (they would carry state from one PO to the next)"
            : null;
    }

    // Rule-defined types derive only from object (or their own types) and implement only allowed interfaces: a rule
    // exception type could throw from Message while the connector reports the failure.
    static string? BaseTypeProblem(BaseTypeDeclarationSyntax declaration, SemanticModel model)
    {
        if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
            return null;
        var rule = model.Compilation.Assembly;
        if (type.BaseType is { } baseType && baseType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
            && !SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, rule))
            return $"a rule's own types may not derive from '{baseType.ToDisplayString()}': derive from object (no base class)";
        foreach (var face in type.Interfaces)
            if (RuleSymbolRules.TypeProblem(face, rule) is { } problem)
                return problem;
        return null;
    }
}
