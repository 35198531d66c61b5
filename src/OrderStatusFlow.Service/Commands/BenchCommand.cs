using System.CommandLine;
using OrderStatusFlow.Rules.Benchmark;
using OrderStatusFlow.Service.Bench;
using OrderStatusFlow.Service.Cli;
using Serilog;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>bench</c>: one cycle and an idle cycle of the connector (this process) against both emulators (a child process)
/// with the generated bench data set; <c>bench reload</c>: rule reload memory. See docs/benchmark.md.
/// </summary>
static class BenchCommand
{
    public static Command Create()
    {
        var knobs = new Knobs();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (logs go to stderr)" };
        var statusParallelism = new Option<int?>("--status-parallelism") { Description = "Override the tdsynnex.status stage's parallelism" };
        var writeParallelism = new Option<int?>("--write-parallelism") { Description = "Override the servicenow.batch-update stage's parallelism" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Override the servicenow.batch-update stage's batch size" };
        var pageSize = new Option<int?>("--page-size") { Description = "Override source.pageSize" };
        var ruleEvaluations = new Option<int>("--rule-evaluations") { Description = "Evaluations for the rule micro-benchmark (0 skips it)", DefaultValueFactory = _ => 200_000 };
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline file whose source and stages are benched", DefaultValueFactory = _ => CliPaths.DefaultPipeline };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => CliPaths.DefaultRules };

        var command = new Command("bench", "Measure a cycle and an idle cycle against the emulators (in a child process) with N generated POs")
        {
            json, statusParallelism, writeParallelism, batchSize, pageSize, ruleEvaluations, pipeline, rules,
        };
        knobs.AddTo(command);
        command.SetAction((p, ct) => RunAsync(knobs.Read(p) with
        {
            StatusParallelism = p.GetValue(statusParallelism),
            WriteParallelism = p.GetValue(writeParallelism),
            BatchSize = p.GetValue(batchSize),
            PageSize = p.GetValue(pageSize),
            RuleEvaluations = p.GetValue(ruleEvaluations),
            PipelinePath = p.GetValue(pipeline)!,
            RulesFolder = p.GetValue(rules)!,
        }, p.GetValue(json), p.GetValue<bool>("--verbose")));

        var reloads = new Option<int>("--reloads") { Description = "Number of rule reloads", DefaultValueFactory = _ => 500 };
        var reload = new Command("reload", "Reload the rules N times (compile, fixtures, swap, unload) and report memory and live rule versions") { reloads, rules, json };
        reload.SetAction(p => Reload(p.GetValue(rules)!, p.GetValue(reloads), p.GetValue(json)));
        command.Subcommands.Add(reload);
        command.Subcommands.Add(WeekCommand(rules));
        return command;
    }

    static Command WeekCommand(Option<string> rules)
    {
        var orders = new Option<int>("--orders") { Description = "Open POs in the cadence run", DefaultValueFactory = _ => 20_000 };
        var fixedOrders = new Option<int>("--fixed-orders") { Description = "Open POs in the fixed-polling run (per-PO figures)", DefaultValueFactory = _ => 1_000 };
        var days = new Option<int>("--days") { Description = "Simulated days", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulated world", DefaultValueFactory = _ => 14 };
        var max = new Option<int>("--max-requests-per-hour") { Description = "Budget of the cadence run (0: 1.5 per open PO)", DefaultValueFactory = _ => 0 };
        var week = new Command("week", "Simulate a week of an instance on a virtual clock, fixed 5-minute polling against the shipped cadence (docs/benchmark-week.md)")
        {
            orders, fixedOrders, days, seed, max, rules,
        };
        week.SetAction((p, ct) => WeekBench.RunAsync(new Bench.Week.WeekSettings
        {
            Orders = p.GetValue(orders),
            FixedOrders = p.GetValue(fixedOrders),
            Days = p.GetValue(days),
            Seed = p.GetValue(seed),
            MaxRequestsPerHour = p.GetValue(max),
            RulesFolder = p.GetValue(rules)!,
        }, p.GetValue<bool>("--verbose")));
        return week;
    }

    /// <summary>The hidden child verb that serves the bench data set (see <see cref="BenchEmulatorHost"/>).</summary>
    public static Command CreateEmulatorHost()
    {
        var knobs = new Knobs();
        var command = new Command("bench-emulators", "Internal: the bench's emulators; prints their URLs and serves until stdin closes") { Hidden = true };
        knobs.AddTo(command);
        command.SetAction((p, ct) => BenchEmulatorHost.RunAsync(knobs.Read(p)));
        return command;
    }

    static async Task<int> RunAsync(BenchSettings settings, bool json, bool verbose)
    {
        var logger = Logging.Create(verbose, toStandardError: true);
        try
        {
            using var stop = new StopSignal(logger);
            var result = await BenchRunner.RunAsync(settings, logger, stop.Token);
            Console.Out.Write(json ? result.ToJson() + "\n" : result.ToText());
            return result.CouldRun ? ExitCodes.Ok : ExitCodes.CouldNotRun;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or HttpRequestException)
        {
            Console.Error.WriteLine($"osf bench: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            (logger as IDisposable)?.Dispose();
        }
    }

    static int Reload(string rules, int reloads, bool json)
    {
        if (reloads < 1)
        {
            Console.Error.WriteLine("osf bench reload: --reloads must be at least 1.");
            return ExitCodes.Usage;
        }
        var result = RuleReloadBenchmark.Run(rules, reloads, [50, 500]);
        Console.Out.WriteLine(json
            ? System.Text.Json.JsonSerializer.Serialize(new
            {
                result.Reloads, elapsedSeconds = result.Elapsed.TotalSeconds, result.MaxLiveVersions, result.ManagedGrowth,
                samples = result.Samples.Select(s => new { s.Reloads, managedMb = s.ManagedBytes / 1048576.0, workingSetMb = s.WorkingSetBytes / 1048576.0, s.LiveVersions }),
            }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase })
            : result.ToText());
        return ExitCodes.Ok;
    }

    /// <summary>The data set and emulator options, shared by <c>bench</c> and its child verb.</summary>
    sealed class Knobs
    {
        readonly Option<int> _orders = Int("--orders", "Number of generated POs (3 lines each, mixed states)", 1000);
        readonly Option<int> _tdsLatency = Int("--tds-latency-ms", "TD SYNNEX latency per request, ms", 20);
        readonly Option<int> _tdsCapacity = Int("--tds-capacity", "TD SYNNEX requests served at once (0 = unlimited)", 8);
        readonly Option<int> _snLatency = Int("--sn-latency-ms", "ServiceNow latency per HTTP request, ms", 15);
        readonly Option<int> _snItemLatency = Int("--sn-item-latency-ms", "ServiceNow latency per batch item, ms", 1);
        readonly Option<int> _snCapacity = Int("--sn-capacity", "ServiceNow requests served at once (0 = unlimited)", 8);

        public void AddTo(Command command)
        {
            foreach (var option in new[] { _orders, _tdsLatency, _tdsCapacity, _snLatency, _snItemLatency, _snCapacity })
                command.Options.Add(option);
            command.Validators.Add(result =>
            {
                if (result.GetValue(_orders) < 1)
                    result.AddError("--orders must be at least 1.");
                foreach (var option in new[] { _tdsLatency, _tdsCapacity, _snLatency, _snItemLatency, _snCapacity })
                    if (result.GetValue(option) < 0)
                        result.AddError($"{option.Name} must not be negative.");
            });
        }

        public BenchSettings Read(ParseResult p) => new()
        {
            Orders = p.GetValue(_orders),
            TdsLatencyMs = p.GetValue(_tdsLatency),
            TdsCapacity = p.GetValue(_tdsCapacity),
            SnLatencyMs = p.GetValue(_snLatency),
            SnItemLatencyMs = p.GetValue(_snItemLatency),
            SnCapacity = p.GetValue(_snCapacity),
        };

        static Option<int> Int(string name, string description, int defaultValue) =>
            new(name) { Description = description, DefaultValueFactory = _ => defaultValue };
    }
}
