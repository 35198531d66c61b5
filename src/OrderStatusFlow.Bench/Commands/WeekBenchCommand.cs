using System.CommandLine;
using OrderStatusFlow.Bench.Week;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Service.Cli;
using Serilog;

namespace OrderStatusFlow.Bench.Commands;

/// <summary>
/// <c>bench week</c>: a simulated week of an instance, fixed 5-minute polling against the shipped cadence
/// (docs/benchmark-week.md). Compiles the rules (and a changed copy for the day-5 rule change), runs both weeks,
/// prints the table.
/// </summary>
static class WeekBenchCommand
{
    public static Command Create()
    {
        var orders = new Option<int?>("--orders") { Description = "Open POs in the cadence run (default 20,000; 1,000 with --transport http or both)" };
        var fixedOrders = new Option<int?>("--fixed-orders") { Description = "Open POs in the fixed-polling run, per-PO figures (default 1,000; 100 with --transport http or both)" };
        var transport = new Option<string>("--transport")
        {
            Description = "in-process: simulated through the seams; http: the real clients against the emulators over loopback; both: the same world both ways, compared",
            DefaultValueFactory = _ => "in-process",
        };
        transport.AcceptOnlyFromAmong("in-process", "http", "both");
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline file whose stages the HTTP transport runs", DefaultValueFactory = _ => CliPaths.DefaultPipeline };
        var days = new Option<int>("--days") { Description = "Simulated days", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulated world", DefaultValueFactory = _ => 14 };
        var max = new Option<int>("--max-requests-per-hour") { Description = "Budget of the cadence run (0: 1.5 per open PO)", DefaultValueFactory = _ => 0 };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => CliPaths.DefaultRules };
        var week = new Command("week", "Simulate a week of an instance on a virtual clock, fixed 5-minute polling against the shipped cadence")
        {
            orders, fixedOrders, days, seed, max, rules, transport, pipeline,
        };
        week.SetAction((p, ct) => RunAsync(new WeekSettings
        {
            Orders = p.GetValue(orders) ?? (p.GetValue(transport) == "in-process" ? 20_000 : 1_000),
            FixedOrders = p.GetValue(fixedOrders) ?? (p.GetValue(transport) == "in-process" ? 1_000 : 100),
            Transport = p.GetValue(transport) == "http" ? WeekTransport.Http : WeekTransport.InProcess,
            PipelinePath = p.GetValue(pipeline)!,
            Days = p.GetValue(days),
            Seed = p.GetValue(seed),
            MaxRequestsPerHour = p.GetValue(max),
            RulesFolder = p.GetValue(rules)!,
        }, p.GetValue(transport) == "both", p.GetValue<bool>("--verbose")));
        return week;
    }

    static async Task<int> RunAsync(WeekSettings settings, bool compare, bool verbose)
    {
        if (!File.Exists(settings.PipelinePath) && (compare || settings.Transport == WeekTransport.Http))
        {
            Console.Error.WriteLine($"osf bench week: the pipeline file '{Path.GetFullPath(settings.PipelinePath)}' does not exist; run from the repository root (./run.sh bench week) or pass --pipeline.");
            return ExitCodes.Usage;
        }
        if (settings.Orders < 1 || settings.FixedOrders < 1 || settings.Days < 1 || settings.MaxRequestsPerHour < 0)
        {
            Console.Error.WriteLine("osf bench week: --orders, --fixed-orders and --days must be at least 1, --max-requests-per-hour not negative.");
            return ExitCodes.Usage;
        }
        var logger = Logging.Create(verbose, toStandardError: true);
        var changedFolder = Path.Combine(Path.GetTempPath(), $"osf-week-rules-{Guid.NewGuid():N}");
        try
        {
            using var stop = new StopSignal(logger);
            var rules = RuleCompiler.CompileDirectory(settings.RulesFolder);
            if (rules.RuleSet is not { } set)
            {
                Console.Error.WriteLine($"osf bench week: the rules in {settings.RulesFolder} do not compile:\n{rules.ErrorText}");
                return ExitCodes.CouldNotRun;
            }
            // The day-5 rule change: the same rules plus one more file, so the rule set's version changes.
            Directory.CreateDirectory(changedFolder);
            foreach (var file in Directory.GetFiles(settings.RulesFolder, "*.csx"))
                File.Copy(file, Path.Combine(changedFolder, Path.GetFileName(file)));
            await File.WriteAllTextAsync(Path.Combine(changedFolder, "99-week-change.csx"), "// bench week: a rule change on day 5\n");
            var changed = RuleCompiler.CompileDirectory(changedFolder).RuleSet!;

            var fixedRun = await WeekRun.RunAsync(settings, cadence: false, set, changed, logger, stop.Token);
            var cadence = await WeekRun.RunAsync(settings, cadence: true, set, changed, logger, stop.Token);
            Console.Out.WriteLine($"transport: {fixedRun.Transport}, seed {settings.Seed}, {settings.Days} days");
            Console.Out.Write(WeekReport.ToText(fixedRun, cadence));
            if (compare)
            {
                var http = settings with { Transport = WeekTransport.Http };
                var httpFixed = await WeekRun.RunAsync(http, cadence: false, set, changed, logger, stop.Token);
                var httpCadence = await WeekRun.RunAsync(http, cadence: true, set, changed, logger, stop.Token);
                Console.Out.WriteLine();
                Console.Out.WriteLine($"transport: http, seed {settings.Seed}, {settings.Days} days");
                Console.Out.Write(WeekReport.ToText(httpFixed, httpCadence));
                Console.Out.WriteLine();
                Console.Out.Write(WeekComparison.ToText(fixedRun, httpFixed, cadence, httpCadence));
            }
            Console.Out.WriteLine($"load average {Cycle.BenchRunner.LoadAverage()}, {Environment.ProcessorCount} cores");
            return ExitCodes.Ok;
        }
        finally
        {
            try
            {
                Directory.Delete(changedFolder, recursive: true);
            }
            catch (IOException)
            {
            }
            await Log.CloseAndFlushAsync();
            (logger as IDisposable)?.Dispose();
        }
    }
}
