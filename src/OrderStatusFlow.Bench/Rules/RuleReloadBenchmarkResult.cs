namespace OrderStatusFlow.Bench.Rules;

/// <summary>The outcome of <see cref="RuleReloadBenchmark.Run"/>.</summary>
sealed record RuleReloadBenchmarkResult(int Reloads, IReadOnlyList<RuleReloadSample> Samples, TimeSpan Elapsed)
{
    /// <summary>Most versions alive at any sample (a leak-free reload keeps at most 2: the current set and one still finishing its last PO).</summary>
    public int MaxLiveVersions => Samples.Max(s => s.LiveVersions);

    /// <summary>Managed memory at the last sample relative to the first, e.g. 0.03 for +3% (a leak-free run stays within ±10%).</summary>
    public double ManagedGrowth => Samples.Count < 2 ? 0 : (double)Samples[^1].ManagedBytes / Samples[0].ManagedBytes - 1;

    public string ToText() =>
        string.Join("\n", Samples.Select(s =>
            $"after {s.Reloads,4} reloads: managed {s.ManagedBytes / 1048576.0,7:0.0} MiB, working set {s.WorkingSetBytes / 1048576.0,7:0.0} MiB, live rule versions {s.LiveVersions}"))
        + $"\n{Reloads} reloads in {Elapsed.TotalSeconds:0.0} s ({Elapsed.TotalMilliseconds / Reloads:0} ms each); managed growth first to last sample {ManagedGrowth:+0.0%;-0.0%}; max live versions {MaxLiveVersions}";
}
