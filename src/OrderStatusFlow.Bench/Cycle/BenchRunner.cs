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
            var pipelinePath = BenchPipelineFile.Write(settings, child.ServiceNowUrl, child.TdSynnexUrl, folder);
            StageTypes.ClearConnectionEnvironment(); // the file's emulator endpoints, never an instance named in the shell
            var cycles = new List<BenchCycle>();
            var startup = Stopwatch.StartNew();
            await using (var log = await SqliteActivityLog.OpenAsync(Path.Combine(folder, "activity.db")))
            {
                var registry = StageTypes.CreateRegistry(() => log, logger);
                await using var service = new SyncService(new SyncServiceOptions
                {
                    PipelinePath = pipelinePath,
                    RulesFolder = settings.RulesFolder,
                    Logger = logger,
                    WatchFile = false,
                    Schedule = new SqliteCheckSchedule(log), // as `osf run` builds it
                }, registry, log);
                for (var i = 0; i < 2; i++)
                {
                    var before = await EmulatorCounters.ReadAsync(http, child.ServiceNowUrl, child.TdSynnexUrl, cancellationToken);
                    var cycleStart = Stopwatch.GetTimestamp();
                    // Cycle 1 is a cycle of the long-lived `osf run` on a new schedule: every PO is due (headers read
                    // and planned, then lines read for the POs checked). The idle cycle is `osf run --once` (or the
                    // console's sync now for all): every open PO checked, streamed from the source.
                    var result = await service.RunOnceAsync(i == 0 ? CycleRequest.Due : CycleRequest.All, cancellationToken);
                    var cycleEnd = Stopwatch.GetTimestamp();
                    var peak = PeakWorkingSet(); // before the stats are read, so their parsing does not count
                    if (i == 0)
                        startup.Stop();
                    var after = await EmulatorCounters.ReadAsync(http, child.ServiceNowUrl, child.TdSynnexUrl, cancellationToken);
                    cycles.Add(BenchCycle.From(result, after.Since(before), peak) with
                    {
                        // From the runner's own start (the service first re-reads the pipeline file; before cycle 1
                        // that load compiles the rules, which is startup time, not cycle time).
                        Timeline = timeline.Summarize(Math.Max(cycleStart, cycleEnd - (long)((result.FinishedAt - result.StartedAt).TotalSeconds * Stopwatch.Frequency)), cycleEnd, child.TdSynnexUrl.Port, child.ServiceNowUrl.Port, settings.TdsCapacity),
                    });
                    if (!result.CouldRun)
                        break;
                }
            }
            var startupTime = startup.Elapsed - cycles[0].Duration;
            // After the cycles and their memory figures: this compiles the rules once more.
            var rules = settings.RuleEvaluations > 0 ? RuleEvaluationBenchmark.Run(settings.RulesFolder, settings.RuleEvaluations) : null;
            return new BenchResult
            {
                Settings = settings,
                Cycles = cycles,
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

    /// <summary>Process.PeakWorkingSet64 (on Linux the kernel's VmHWM of this process).</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    static string LoadAverage()
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
