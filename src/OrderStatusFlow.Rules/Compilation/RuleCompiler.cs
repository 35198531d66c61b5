using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Protection;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// Compiles a folder of rule scripts into one <see cref="CompiledRuleSet"/>: each script is compiled with the scripting
/// API, checked against the allow-list, instrumented with budget checks, emitted to memory and loaded into one collectible
/// load context per set. Reports every problem of every file, located.
/// </summary>
public static class RuleCompiler
{
    static readonly Task<object> Done = Task.FromResult<object>(null!);
    static readonly Func<object[], Task<object>> NothingToRun = _ => Done;

    static readonly Lazy<Task> WarmUp = new(() => Task.Run(() => Compile(
        RuleSource.Create("warm-up", [new RuleFile("warm-up.csx", "warm-up.csx", "if (Po.Lines.Count > 0) Set(\"x\", Join(Po.Lines.Select(l => l.SysId)));", "")]),
        RuleBudgetLimits.Default).RuleSet?.Unload()));

    /// <summary>Compiles once in the background so the first real load does not pay Roslyn's start-up cost.</summary>
    public static Task WarmUpAsync() => WarmUp.Value;

    /// <summary>Compiles every <c>*.csx</c> of <paramref name="directory"/> (no watcher); the result lists every diagnostic.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static RuleCompileResult CompileDirectory(string directory, RuleBudgetLimits? limits = null, ProtectedFields? protectedFields = null) =>
        Compile(RuleSource.Read(directory), limits ?? RuleBudgetLimits.Default, protectedFields);

    internal static RuleCompileResult Compile(RuleSource source, RuleBudgetLimits limits, ProtectedFields? protectedFields = null)
    {
        protectedFields ??= ProtectedFields.Default;
        var diagnostics = new List<RuleDiagnostic>(source.Refused);
        var choices = new RuleSettingChoices();
        var prepared = new List<(RuleFile File, Microsoft.CodeAnalysis.Compilation Compilation)>();
        foreach (var file in source.Files)
        {
            var compilation = ScriptReferences.Create(file.Text, file.DisplayPath).GetCompilation();
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            choices.AddFrom(tree);
            var errors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Locate(file, d.Location, $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}"))
                .ToList();
            // Checked even when the file has errors, so lint lists every problem at once.
            errors.AddRange(RuleSafetyChecker.Check(tree, model, protectedFields).Select(p => Locate(file, p.Location, $"error RULE001: {p.Message}")));
            diagnostics.AddRange(errors);
            if (errors.Count == 0)
                prepared.Add((file, compilation.ReplaceSyntaxTree(tree, BudgetRewriter.Rewrite(tree, model))));
        }
        if (diagnostics.Count > 0)
            return new RuleCompileResult(source.Version, source.Files, diagnostics, null);

        var context = new RuleLoadContext(source.Version);
        var rules = new List<CompiledRule>();
        foreach (var (file, compilation) in prepared)
        {
            var rule = Load(file, compilation, context, diagnostics);
            if (rule is not null)
                rules.Add(rule);
        }
        if (diagnostics.Count > 0)
        {
            context.Unload();
            return new RuleCompileResult(source.Version, source.Files, diagnostics, null);
        }
        var set = new CompiledRuleSet(source.Version, rules, context, limits, protectedFields, choices);
        return new RuleCompileResult(source.Version, source.Files, diagnostics, set);
    }

    static CompiledRule? Load(RuleFile file, Microsoft.CodeAnalysis.Compilation compilation, RuleLoadContext context, List<RuleDiagnostic> diagnostics)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success && !emitted.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            return new CompiledRule(file.DisplayPath, NothingToRun); // only comments: Roslyn emits nothing, and there is nothing to do
        if (!emitted.Success)
        {
            // The original compiled, so this is the instrumentation's fault, not the author's: say so.
            diagnostics.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
                Locate(file, d.Location, $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)} (after adding budget checks: please report this rule as a connector bug)")));
            return null;
        }
        pe.Position = 0;
        pdb.Position = 0;
        var assembly = context.LoadFromStream(pe, pdb);
        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException($"{file.DisplayPath}: the script compilation has no entry point.");
        var typeName = entryPoint.ContainingNamespace.IsGlobalNamespace
            ? entryPoint.ContainingType.MetadataName
            : $"{entryPoint.ContainingNamespace.ToDisplayString()}.{entryPoint.ContainingType.MetadataName}";
        var method = assembly.GetType(typeName, throwOnError: true)!
            .GetMethod(entryPoint.MetadataName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{file.DisplayPath}: the submission factory '{entryPoint.MetadataName}' was not found.");
        return new CompiledRule(file.DisplayPath, method.CreateDelegate<Func<object[], Task<object>>>());
    }

    static RuleDiagnostic Locate(RuleFile file, Location location, string message)
    {
        if (!location.IsInSource)
            return new RuleDiagnostic(file.DisplayPath, 1, 1, message);
        var start = location.GetLineSpan().StartLinePosition;
        return new RuleDiagnostic(file.DisplayPath, start.Line + 1, start.Character + 1, message);
    }
}
