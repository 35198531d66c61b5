using System.CommandLine;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>bench</c>: the benchmark (see README "Performance").</summary>
static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure a cycle against the emulators (see README)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("osf: bench is not built yet.");
            return 1;
        });
        return command;
    }
}
