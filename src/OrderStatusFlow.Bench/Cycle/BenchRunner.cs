using System.Diagnostics;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Bench.Rules;
using OrderStatusFlow.Service.Commands;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The bench: emulators with the generated data set in a child process, the connector (real stage factories, shipped
/// rules, a temp SQLite log) in this process; one cycle, then an idle cycle on the unchanged data, each measured by
/// the connector's counts, the emulators' request counters and this process's peak working set.
/// </summary>
static class BenchRunner
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, Serilog.ILogger logger, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "osf-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var child = await EmulatorChild.StartAsync(settings, cancellationToken);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var timeline = new HttpTimeline();
            StageTypes.ClearConnectionEnvironment(); // the file's emulator endpoints, never an instance named in the shell
            var startup = Stopwatch.StartNew();
            // Cycle 1 is a cycle of the long-lived `osf run` on a new schedule: every PO is due (headers read and
            // planned, then lines read for the POs checked). The idle cycle is `osf run --once` (or the console's
            // sync now for all): every open PO checked, streamed from the source.
            var cycles = await RunServiceAsync(settings, logger, new Endpoints(child.ServiceNowUrl, child.TdSynnexUrl), Path.Combine(folder, "cold"),
                [CycleRequest.Due, CycleRequest.All], http, timeline, () => startup.Stop(), cancellationToken);
            // The warm cycle: cycle 1 again, on the second copy of the data set, by a new service (new activity log,
            // new schedule) in this process, after the cycles above warmed its code and the emulators'.
            BenchCycle? warm = null;
            if (settings.WarmCycle && child.WarmServiceNowUrl is { } warmServiceNow && child.WarmTdSynnexUrl is { } warmTdSynnex
                && cycles.Count == 2 && cycles.All(c => c.Error is null))
                warm = (await RunServiceAsync(settings, logger, new Endpoints(warmServiceNow, warmTdSynnex), Path.Combine(folder, "warm"),
                    [CycleRequest.Due], http, timeline, null, cancellationToken)).Single();
            var startupTime = startup.Elapsed - cycles[0].Duration;
            // After the cycles and their memory figures: this compiles the rules once more.
            var rules = settings.RuleEvaluations > 0 ? RuleEvaluationBenchmark.Run(settings.RulesFolder, settings.RuleEvaluations) : null;
            return new BenchResult
            {
                Settings = settings,
                Cycles = cycles,
                WarmCycle = warm,
                StartupTime = startupTime < TimeSpan.Zero ? TimeSpan.Zero : startupTime,
                RuleEvaluation = rules,
                LoadAverage = LoadAverage(),
                ProcessorCount = Environment.ProcessorCount,
                EmulatorProcessId = child.ProcessId,
            };
        }
        finally
        {
            TryDelete(folder);
        }
    }

    sealed record Endpoints(Uri ServiceNow, Uri TdSynnex);

    // One SyncService as `osf run` builds it, over its own activity log, running the given cycles one after another.
    static async Task<List<BenchCycle>> RunServiceAsync(BenchSettings settings, Serilog.ILogger logger, Endpoints endpoints, string folder,
        IReadOnlyList<CycleRequest> requests, HttpClient http, HttpTimeline timeline, Action? afterFirstCycle, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var pipelinePath = BenchPipelineFile.Write(settings, endpoints.ServiceNow, endpoints.TdSynnex, folder);
        var cycles = new List<BenchCycle>();
        await using var log = await SqliteActivityLog.OpenAsync(Path.Combine(folder, "activity.db"));
        var registry = StageTypes.CreateRegistry(() => log, logger);
        await using var service = new SyncService(new SyncServiceOptions
        {
            PipelinePath = pipelinePath,
            RulesFolder = settings.RulesFolder,
            Logger = logger,
            WatchFile = false,
            Schedule = new SqliteCheckSchedule(log), // as `osf run` builds it
        }, registry, log);
        foreach (var request in requests)
        {
            var before = await EmulatorCounters.ReadAsync(http, endpoints.ServiceNow, endpoints.TdSynnex, cancellationToken);
            var cycleStart = Stopwatch.GetTimestamp();
            var result = await service.RunOnceAsync(request, cancellationToken);
            var cycleEnd = Stopwatch.GetTimestamp();
            var peak = PeakWorkingSet(); // before the stats are read, so their parsing does not count
            if (cycles.Count == 0)
                afterFirstCycle?.Invoke();
            var after = await EmulatorCounters.ReadAsync(http, endpoints.ServiceNow, endpoints.TdSynnex, cancellationToken);
            cycles.Add(BenchCycle.From(result, after.Since(before), peak) with
            {
                // From the runner's own start (the service first re-reads the pipeline file; before cycle 1
                // that load compiles the rules, which is startup time, not cycle time).
                Timeline = timeline.Summarize(Math.Max(cycleStart, cycleEnd - (long)((result.FinishedAt - result.StartedAt).TotalSeconds * Stopwatch.Frequency)),
                    cycleEnd, endpoints.TdSynnex.Port, endpoints.ServiceNow.Port, settings.TdsCapacity),
            });
            if (!result.CouldRun)
                break;
        }
        return cycles;
    }

    /// <summary>Process.PeakWorkingSet64 (on Linux the kernel's VmHWM of this process).</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file on some systems; the temp folder is cleaned by the OS
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
