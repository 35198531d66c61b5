using System.CommandLine;
using OrderStatusFlow.Bench.Commands;
using OrderStatusFlow.Service.Cli;

// osf-bench (`./run.sh bench ...`, see docs/benchmark.md). `bench` alone is the cycle bench; every other
// measurement is a sub-command: one file under Commands/ and one registration line below.
GlibcHeap.Configure();
var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging", Recursive = true };
var root = new RootCommand("osf bench: measurements of the connector against the emulators (not part of the product)") { verbose };
CycleBenchCommand.Configure(root);
root.Subcommands.Add(ReloadBenchCommand.Create());
root.Subcommands.Add(WeekBenchCommand.Create());
root.Subcommands.Add(LogBenchCommand.Create());
root.Subcommands.Add(AnswersBenchCommand.Create());
root.Subcommands.Add(ConsoleBenchCommand.Create());
root.Subcommands.Add(EmulatorHostCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"osf bench: {error.Message}");
    Console.Error.WriteLine("Run './run.sh bench --help' for usage.");
    return ExitCodes.Usage;
}
// Ctrl+C belongs to the bench (StopSignal), as in osf itself.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
