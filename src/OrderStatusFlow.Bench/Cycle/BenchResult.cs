using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderStatusFlow.Bench.Rules;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>What one bench run measured, as text for people and JSON (<c>--json</c>) for scripts.</summary>
sealed record BenchResult
{
    public required BenchSettings Settings { get; init; }

    /// <summary>The first cycle, then the idle cycle on unchanged data (missing when the first could not run).</summary>
    public required IReadOnlyList<BenchCycle> Cycles { get; init; }

    /// <summary>
    /// Cycle 1 once more, by a new service in this process after the cycles above warmed the connector's code and the
    /// emulators', on a second copy of the data set no cycle had touched (null when skipped or when the cycles failed).
    /// </summary>
    public BenchCycle? WarmCycle { get; init; }

    /// <summary>Loading the pipeline and compiling the rules before the first cycle.</summary>
    public TimeSpan StartupTime { get; init; }

    public RuleEvaluationBenchmarkResult? RuleEvaluation { get; init; }

    public string LoadAverage { get; init; } = "n/a";

    public int ProcessorCount { get; init; }

    /// <summary>The child process that served the emulators (ended when the bench returns).</summary>
    public int EmulatorProcessId { get; init; }

    public BenchCycle First => Cycles[0];

    public BenchCycle? Idle => Cycles.Count > 1 ? Cycles[1] : null;

    /// <summary>Cycle time over <see cref="BenchSettings.StatusBound"/>.</summary>
    public double BoundRatio => First.Duration / Settings.StatusBound;

    /// <summary>The bound counting every TD SYNNEX call of the first cycle (status and invoice share the server's capacity).</summary>
    public TimeSpan AllTdsCallsBound => TdsBound(First);

    /// <summary><c>N_calls × L / C</c> over the TD SYNNEX calls (status and invoice) one cycle made.</summary>
    public TimeSpan TdsBound(BenchCycle cycle) => TimeSpan.FromMilliseconds(
        (double)(cycle.Requests.TdsStatus + cycle.Requests.TdsInvoice) * Settings.TdsLatencyMs / Math.Max(1, Settings.TdsCapacity));

    /// <summary>
    /// The same bound at the latency TD SYNNEX really answered with: the status stage's time summed over the POs (each
    /// PO's status call and invoice query, as the connector waited for them) over C. On a loaded machine the emulator
    /// answers slower than L; the cycle over this bound shows what the connector adds (slots left idle, time before
    /// the first call and after the last answer), whatever the load.
    /// </summary>
    public TimeSpan MeasuredLatencyBound => First.StatusTime / Math.Max(1, Settings.TdsCapacity);

    /// <summary>
    /// A sequential script with one request per record: each TD SYNNEX call, one ServiceNow read per PO (with its
    /// lines) and one ServiceNow write per written record, one after another.
    /// </summary>
    public TimeSpan NaiveScriptEstimate => TimeSpan.FromMilliseconds(
        (double)(First.Requests.TdsStatus + First.Requests.TdsInvoice) * Settings.TdsLatencyMs
        + (double)First.Seen * Settings.SnLatencyMs
        + (double)First.Writes * (Settings.SnLatencyMs + Settings.SnItemLatencyMs));

    public bool CouldRun => Cycles.Append(WarmCycle).OfType<BenchCycle>().All(c => c.Error is null || c.Failed > 0) && Idle is not null;

    public string ToText()
    {
        var s = Settings;
        var text = new StringBuilder();
        Line(text, $"bench: {s.Orders:N0} POs (3 lines each); TD SYNNEX {s.TdsLatencyMs} ms x {s.TdsCapacity} at a time; ServiceNow {s.SnLatencyMs} ms + {s.SnItemLatencyMs} ms/batch item x {s.SnCapacity} at a time");
        Line(text, $"machine: {ProcessorCount} cores, load average {LoadAverage}; connector startup (pipeline, rules compile) {StartupTime.TotalSeconds:0.00} s");
        Line(text, $"cycle 1: {First.Duration.TotalSeconds:0.00} s; bound N x L / C over TD SYNNEX status calls only = {s.StatusBound.TotalSeconds:0.00} s; ratio {BoundRatio:0.00}");
        Line(text, $"         bound over every TD SYNNEX call (status + invoice, same server) = {AllTdsCallsBound.TotalSeconds:0.00} s; ratio {First.Duration / AllTdsCallsBound:0.00}");
        Line(text, $"         the same at the latency TD SYNNEX answered with (status stage time summed / C) = {MeasuredLatencyBound.TotalSeconds:0.00} s; ratio {First.Duration / MeasuredLatencyBound:0.00}");
        Line(text, $"         a sequential one-request-per-record script would need about {NaiveScriptEstimate.TotalSeconds:0} s ({NaiveScriptEstimate / First.Duration:0}x)");
        var named = Cycles.Select((c, i) => (Cycle: c, Name: i == 0 ? "cycle 1" : "idle cycle")).ToList();
        if (WarmCycle is { } warm)
            named.Add((warm, "warm cycle (cycle 1 again in this warm process, on an untouched copy of the data)"));
        foreach (var (cycle, name) in named)
        {
            var r = cycle.Requests;
            Line(text, $"{name}: seen {cycle.Seen:N0}, updated {cycle.Updated:N0}, unchanged {cycle.Unchanged:N0}, skipped {cycle.Skipped:N0}, failed {cycle.Failed:N0}, records written {cycle.Writes:N0}, time {cycle.Duration.TotalSeconds:0.00} s");
            Line(text, $"  TD SYNNEX per PO: status {cycle.StatusPerPo:0.000}, invoice {cycle.InvoicePerPo:0.000} ({r.TdsStatus:N0} + {r.TdsInvoice:N0} requests; most at once {r.TdsMaxConcurrent}; most status requests to one PO so far {r.TdsMaxStatusPerPo})");
            Line(text, $"  ServiceNow: {r.SnRequests:N0} HTTP requests = {r.SnTableReads:N0} table reads + {r.SnBatchRequests:N0} batch requests carrying {r.SnBatchItems:N0} writes; per PO: reads {Per(r.SnTableReads, cycle.Seen):0.000}, batch requests {Per(r.SnBatchRequests, cycle.Seen):0.000}, writes {Per(r.SnBatchItems, cycle.Seen):0.000}; HTTP requests per updated PO {(cycle.Updated == 0 ? "n/a (nothing updated)" : cycle.SnRequestsPerUpdatedPo.ToString("0.000", CultureInfo.InvariantCulture))}");
            Line(text, $"  peak working set so far {Mb(cycle.PeakWorkingSetBytes)} MB; managed heap {Mb(cycle.ManagedHeapBytes)} MB; rules stage {cycle.RulesMicrosPerPo:0.0} µs/PO");
            Line(text, $"  stage time summed: status {cycle.StatusTime.TotalSeconds:0.0} s over POs (avg {(cycle.Seen == 0 ? 0 : cycle.StatusTime.TotalMilliseconds / cycle.Seen):0.0} ms/PO), writer {cycle.WriteTime.TotalSeconds:0.0} s over batches");
            if (cycle.Timeline is { } timeline)
                Line(text, $"  timeline: {timeline.ToText()}");
            if (cycle == WarmCycle)
                Line(text, $"  bound over every TD SYNNEX call = {TdsBound(cycle).TotalSeconds:0.00} s; ratio {cycle.Duration / TdsBound(cycle):0.00}");
            if (cycle.Error is not null)
                Line(text, $"  error: {cycle.Error}");
        }
        if (Idle is { } idle)
            Line(text, $"idle-cycle writes: {idle.Requests.SnBatchItems} (connector count {idle.Writes})");
        if (RuleEvaluation is { } rules)
            Line(text, $"rule evaluation (shipped rules, typical PO): {rules.ToText()}");
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        orders = Settings.Orders,
        settings = Settings,
        processorCount = ProcessorCount,
        loadAverage = LoadAverage,
        startupSeconds = StartupTime.TotalSeconds,
        cycleSeconds = First.Duration.TotalSeconds,
        statusBoundSeconds = Settings.StatusBound.TotalSeconds,
        boundRatio = Finite(BoundRatio), // no bound (latency 0) has no ratio
        allTdsCallsBoundSeconds = AllTdsCallsBound.TotalSeconds,
        measuredLatencyBoundSeconds = MeasuredLatencyBound.TotalSeconds,
        naiveScriptSeconds = NaiveScriptEstimate.TotalSeconds,
        idleWrites = Idle?.Requests.SnBatchItems,
        ruleMicrosecondsPerOrder = RuleEvaluation?.MicrosecondsPerOrder,
        cycles = Cycles.Select(CycleJson),
        warmCycle = WarmCycle is { } warm ? CycleJson(warm) : null,
        warmAllTdsCallsBoundSeconds = WarmCycle is { } w ? TdsBound(w).TotalSeconds : (double?)null,
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    static object CycleJson(BenchCycle c) => new
    {
        seconds = c.Duration.TotalSeconds,
        c.Seen, c.Updated, c.Unchanged, c.Skipped, c.Failed, c.Writes,
        statusPerPo = c.StatusPerPo,
        invoicePerPo = c.InvoicePerPo,
        snRequestsPerUpdatedPo = c.Updated == 0 ? (double?)null : c.SnRequestsPerUpdatedPo,
        requests = c.Requests,
        peakWorkingSetMb = c.PeakWorkingSetBytes / 1048576.0,
        managedHeapMb = c.ManagedHeapBytes / 1048576.0,
        rulesMicrosecondsPerPo = c.RulesMicrosPerPo,
        statusSecondsSummed = c.StatusTime.TotalSeconds,
        writerSecondsSummed = c.WriteTime.TotalSeconds,
        c.Timeline,
        c.Error,
    };

    static double? Finite(double value) => double.IsFinite(value) ? value : null;

    static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    static double Per(long count, int of) => of == 0 ? 0 : (double)count / of;

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
}
