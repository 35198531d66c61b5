namespace OrderStatusFlow.Rules.Compilation;

/// <summary>The result of compiling a rules folder: the set when everything compiled, else every problem found.</summary>
public sealed class RuleCompileResult
{
    internal RuleCompileResult(string version, IReadOnlyList<RuleFile> files,
        IReadOnlyList<RuleDiagnostic> diagnostics, CompiledRuleSet? ruleSet)
    {
        Version = version;
        Files = files;
        Diagnostics = diagnostics;
        RuleSet = ruleSet;
    }

    /// <summary>Content hash of the file names and contents (12 hex digits).</summary>
    public string Version { get; }

    public IReadOnlyList<RuleFile> Files { get; }

    /// <summary>Every error of every file, in file then position order; empty on success.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    /// <summary>The loaded set, or null when there were errors. Call <see cref="CompiledRuleSet.Unload"/> when done.</summary>
    public CompiledRuleSet? RuleSet { get; }

    public bool Succeeded => RuleSet is not null;

    /// <summary>Every diagnostic, one per line, as <c>file(line,col): message</c>.</summary>
    public string ErrorText => string.Join("\n", Diagnostics);
}
