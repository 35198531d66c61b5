using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Service.Bench.Week;
using OrderStatusFlow.Service.Cli;
using Serilog;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>bench week</c>: compiles the rules (and a changed copy for the day-5 rule change), runs both weeks, prints the table.</summary>
static class WeekBench
{
    public static async Task<int> RunAsync(WeekSettings settings, bool verbose)
    {
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
            Console.Out.Write(WeekReport.ToText(fixedRun, cadence));
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
