using System.Diagnostics;
using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Fixtures;

namespace OrderStatusFlow.Bench.Rules;

/// <summary>
/// Reloads a rules folder many times the way <see cref="OrderStatusFlow.Rules.Catalog.RuleCatalog"/> does (compile, run fixtures, swap, unload
/// the old set) and measures memory and the rule versions still alive after a full GC: the leak check for reloads.
/// </summary>
static class RuleReloadBenchmark
{
    /// <param name="rulesDirectory">The folder to reload (read once; each reload compiles a distinct version of it).</param>
    /// <param name="reloads">Number of reloads.</param>
    /// <param name="sampleAt">Reload counts after which memory is measured (the last reload is always measured).</param>
    public static RuleReloadBenchmarkResult Run(string rulesDirectory, int reloads, IReadOnlyCollection<int>? sampleAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reloads, 1);
        var source = RuleSource.Read(rulesDirectory);
        if (source.Files.Count == 0)
            throw new ArgumentException($"'{rulesDirectory}' holds no *.csx rule: nothing to reload.", nameof(rulesDirectory));
        var samplePoints = new HashSet<int>(sampleAt ?? [50, 500]) { reloads };
        var versions = new List<WeakReference>();
        var samples = new List<RuleReloadSample>();
        var watch = Stopwatch.StartNew();
        CompiledRuleSet? current = null;
        for (var i = 1; i <= reloads; i++)
        {
            current = Swap(current, source, rulesDirectory, i, versions);
            if (samplePoints.Contains(i))
                samples.Add(Sample(i, versions));
        }
        var elapsed = watch.Elapsed;
        current?.Unload();
        return new RuleReloadBenchmarkResult(reloads, samples, elapsed);
    }

    // A method of its own, so no stack slot of the loop keeps the swapped-out set reachable.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static CompiledRuleSet Swap(CompiledRuleSet? current, RuleSource source, string rulesDirectory, int reload, List<WeakReference> versions)
    {
        var next = LoadVersion(source, rulesDirectory, reload);
        versions.Add(next.CreateContextReference());
        if (current is not null)
            OrderStatusFlow.Rules.Catalog.RuleCatalog.Retire(current);
        return next;
    }

    // Each reload is a distinct version (as after an edit): a comment naming the reload is added to the first file.
    static CompiledRuleSet LoadVersion(RuleSource source, string rulesDirectory, int reload)
    {
        var files = source.Files.Select((f, index) => index == 0 ? f with { Text = f.Text + $"\n// reload {reload}\n" } : f).ToList();
        var compiled = RuleCompiler.Compile(RuleSource.Create(source.Directory, files), RuleBudgetLimits.Default);
        var set = compiled.RuleSet ?? throw new InvalidOperationException($"The rules do not compile:\n{compiled.ErrorText}");
        var report = RuleFixtureRunner.Run(set, rulesDirectory);
        if (!report.Succeeded)
            throw new InvalidOperationException($"The rule fixtures fail:\n{report.ToText()}");
        return set;
    }

    static RuleReloadSample Sample(int reloads, List<WeakReference> versions)
    {
        // Unloading needs a few collections (finalizers release the load context); give it up to 5 s.
        var deadline = Stopwatch.StartNew();
        int live;
        do
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            live = versions.Count(v => v.IsAlive);
        }
        while (live > 1 && deadline.Elapsed < TimeSpan.FromSeconds(5));
        versions.RemoveAll(v => !v.IsAlive);
        return new RuleReloadSample(reloads, GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet, live);
    }
}
