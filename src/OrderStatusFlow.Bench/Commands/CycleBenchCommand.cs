using System.CommandLine;
using OrderStatusFlow.Bench.Cycle;
using OrderStatusFlow.Service.Cli;
using Serilog;

namespace OrderStatusFlow.Bench.Commands;

/// <summary>
/// <c>bench</c> with no sub-command: one cycle and an idle cycle of the connector (this process) against both
/// emulators (a child process) with the generated bench data set. See docs/benchmark.md.
/// </summary>
static class CycleBenchCommand
{
    /// <summary>Makes the cycle bench the root command's own action, with its options.</summary>
    public static void Configure(RootCommand root)
    {
        var dataSet = new DataSetOptions();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (logs go to stderr)" };
        var statusParallelism = new Option<int?>("--status-parallelism") { Description = "Override the tdsynnex.status stage's parallelism" };
        var writeParallelism = new Option<int?>("--write-parallelism") { Description = "Override the servicenow.batch-update stage's parallelism" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Override the servicenow.batch-update stage's batch size" };
        var pageSize = new Option<int?>("--page-size") { Description = "Override source.pageSize" };
        var ruleEvaluations = new Option<int>("--rule-evaluations") { Description = "Evaluations for the rule micro-benchmark (0 skips it)", DefaultValueFactory = _ => 200_000 };
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline file whose source and stages are benched", DefaultValueFactory = _ => CliPaths.DefaultPipeline };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => CliPaths.DefaultRules };

        foreach (var option in new Option[] { json, statusParallelism, writeParallelism, batchSize, pageSize, ruleEvaluations, pipeline, rules })
            root.Options.Add(option);
        dataSet.AddTo(root);
        root.SetAction((p, ct) => RunAsync(dataSet.Read(p) with
        {
            StatusParallelism = p.GetValue(statusParallelism),
            WriteParallelism = p.GetValue(writeParallelism),
            BatchSize = p.GetValue(batchSize),
            PageSize = p.GetValue(pageSize),
            RuleEvaluations = p.GetValue(ruleEvaluations),
            PipelinePath = p.GetValue(pipeline)!,
            RulesFolder = p.GetValue(rules)!,
        }, p.GetValue(json), p.GetValue<bool>("--verbose")));
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
}
