namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The knobs of one bench run: the data set size, the emulators' latency and capacity, and optional overrides of the
/// shipped pipeline's stage settings (null keeps what <see cref="PipelinePath"/> says).
/// </summary>
sealed record BenchSettings
{
    public int Orders { get; init; } = 1000;

    public int TdsLatencyMs { get; init; } = 20;

    public int TdsCapacity { get; init; } = 8;

    public int SnLatencyMs { get; init; } = 15;

    public int SnItemLatencyMs { get; init; } = 1;

    public int SnCapacity { get; init; } = 8;

    /// <summary>Override of the <c>tdsynnex.status</c> stage's parallelism.</summary>
    public int? StatusParallelism { get; init; }

    /// <summary>Override of the <c>servicenow.batch-update</c> stage's parallelism (batches in flight).</summary>
    public int? WriteParallelism { get; init; }

    /// <summary>Override of the <c>servicenow.batch-update</c> stage's batch size.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Override of <c>source.pageSize</c>.</summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// Also measure the warm cycle: cycle 1 once more, in the same (now warm) process, against a second copy of the
    /// data set that no cycle has touched, served by the same (now warm) emulator process.
    /// </summary>
    public bool WarmCycle { get; init; } = true;

    /// <summary>Rule evaluations for the rule micro-benchmark; 0 skips it.</summary>
    public int RuleEvaluations { get; init; } = 200_000;

    public string PipelinePath { get; init; } = Service.Cli.CliPaths.DefaultPipeline;

    public string RulesFolder { get; init; } = Service.Cli.CliPaths.DefaultRules;

    /// <summary>The lower bound of a cycle set by TD SYNNEX alone: N status calls, C at a time, L ms each.</summary>
    public TimeSpan StatusBound => TimeSpan.FromMilliseconds((double)Orders * TdsLatencyMs / Math.Max(1, TdsCapacity));

    /// <summary>The arguments of the hidden <c>emulators</c> verb that serves this data set.</summary>
    public IEnumerable<string> EmulatorArguments() =>
    [
        Commands.EmulatorHostCommand.Name, "--orders", $"{Orders}", "--tds-latency-ms", $"{TdsLatencyMs}", "--tds-capacity", $"{TdsCapacity}",
        "--sn-latency-ms", $"{SnLatencyMs}", "--sn-item-latency-ms", $"{SnItemLatencyMs}", "--sn-capacity", $"{SnCapacity}",
        .. WarmCycle ? Array.Empty<string>() : ["--no-warm-cycle"],
    ];
}
