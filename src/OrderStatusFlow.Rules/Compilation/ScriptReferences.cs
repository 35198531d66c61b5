using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Rules.Scripting;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// The minimal references and usings a rule compiles against, created once: metadata references are expensive to
/// build and Roslyn caches per instance, so every compile of every reload shares them.
/// </summary>
internal static class ScriptReferences
{
    static readonly string[] Usings = ["System", "System.Linq", "System.Collections.Generic", "OrderStatusFlow.Core.Domain"];

    public static ScriptOptions Options { get; } = CreateOptions();

    static ScriptOptions CreateOptions()
    {
        var assemblies = new[]
        {
            typeof(object).Assembly,                 // System.Private.CoreLib
            Assembly.Load("System.Runtime"),         // the facade Core and Rules were compiled against
            typeof(Enumerable).Assembly,             // System.Linq
            Assembly.Load("System.Collections"),
            typeof(System.Text.RegularExpressions.Regex).Assembly, // allowed with a timeout only (RuleSymbolRules)
            typeof(RuleOutcome).Assembly,            // OrderStatusFlow.Core
            typeof(RuleGlobals).Assembly,            // OrderStatusFlow.Rules
        };
        var references = assemblies.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location));
        return ScriptOptions.Default
            .WithReferences(references)
            .WithImports(Usings)
            .WithAllowUnsafe(false)
            .WithCheckOverflow(false)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithMetadataResolver(NoReferenceResolver.Instance)
            .WithSourceResolver(NoSourceResolver.Instance);
    }

    /// <summary>A script for <paramref name="code"/> with the rule globals; <paramref name="path"/> names it in diagnostics and stack traces.</summary>
    public static Script<object> Create(string code, string path) =>
        CSharpScript.Create(code, Options.WithFilePath(path), typeof(RuleGlobals), Loader);

    // Never used to load anything (rules are emitted into their own collectible context); the scripting API would
    // otherwise create one per script, so one shared instance saves that work on every reload.
    static readonly InteractiveAssemblyLoader Loader = new();
}
