using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Service.Operator;
using Serilog;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>run [--once] [--dry-run]</c>: the long-lived process (or one cycle) against the configured endpoints.</summary>
static class RunCommand
{
    public static async Task<int> RunAsync(CliPaths paths, bool once, bool dryRun, bool verbose, IReadOnlyList<string>? poNumbers = null)
    {
        var logger = Logging.Create(verbose);
        try
        {
            using var stop = new StopSignal(logger);
            if (RuleSupervisor.ShouldSupervise())
                return await RuleSupervisor.RunAsync(once, logger, stop.Token);
            return await RunAsync(paths, once, dryRun, logger, stop.Token, poNumbers);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            (logger as IDisposable)?.Dispose();
        }
    }

    public static async Task<int> RunAsync(CliPaths paths, bool once, bool dryRun, ILogger logger, CancellationToken stop, IReadOnlyList<string>? poNumbers = null)
    {
        try
        {
            await using var startup = await PipelineStartup.CreateAsync(paths, dryRun, logger);
            if (startup is null)
                return ExitCodes.CouldNotRun;
            logger.Information("Activity log: {Db}", Path.GetFullPath(startup.DbPath));
            if (once)
            {
                var request = poNumbers is { Count: > 0 }
                    ? new CycleRequest { OnlyPoNumbers = new HashSet<string>(poNumbers, StringComparer.OrdinalIgnoreCase) }
                    : CycleRequest.All;
                var result = await startup.Service!.RunOnceAsync(request, stop); // the runner logs the cycle's summary line
                if (poNumbers is { Count: > 0 } && result.Schedule is { } summary && summary.Checked < poNumbers.Count)
                    Console.Error.WriteLine($"osf: {poNumbers.Count - summary.Checked} of the {poNumbers.Count} PO number(s) given are not open connector POs"
                        + (summary.Backlog > 0 ? $" or did not fit the budget ({summary.Backlog} left)" : "") + "; check the numbers with './run.sh log po NUMBER'");
                if (!result.CouldRun)
                    Console.Error.WriteLine($"osf: the cycle could not run: {result.Error}");
                return result.Disabled ? ExitCodes.Ok : result.ExitCode;
            }
            var (consoleOptions, consoleError) = ConsoleOptions.Resolve(startup.Definition?.Console, Environment.GetEnvironmentVariable);
            if (consoleError is not null)
            {
                Console.Error.WriteLine($"osf: could not start: {consoleError}");
                return ExitCodes.CouldNotRun;
            }
            ConsoleHost console;
            try
            {
                console = await ConsoleHost.StartAsync(consoleOptions!, startup.Service!, startup.DbPath, logger);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"osf: could not start: the console cannot listen on {consoleOptions!.Listen} ({ex.Message}); " +
                                        $"set {ConsoleOptions.ListenVariable} (or console.listen) to a free address, e.g. 127.0.0.1:0");
                return ExitCodes.CouldNotRun;
            }
            await using (console)
            {
                Console.WriteLine($"Console: {console.Url}");
                await startup.Service!.RunAsync(stop);
            }
            return ExitCodes.Ok; // a requested stop is a clean exit, whatever the last cycle met
        }
        catch (PipelineValidationException ex)
        {
            PipelineStartup.PrintProblems(ex.Problems);
            return ExitCodes.CouldNotRun;
        }
        catch (SyncException ex)
        {
            Console.Error.WriteLine($"osf: could not start: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
    }
}
