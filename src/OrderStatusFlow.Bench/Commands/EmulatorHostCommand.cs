using System.CommandLine;
using OrderStatusFlow.Bench.Cycle;

namespace OrderStatusFlow.Bench.Commands;

/// <summary>The hidden child verb <c>emulators</c> that serves the bench data set (see <see cref="BenchEmulatorHost"/>).</summary>
static class EmulatorHostCommand
{
    public const string Name = "emulators";

    public static Command Create()
    {
        var dataSet = new DataSetOptions();
        var command = new Command(Name, "Internal: the bench's emulators; prints their URLs and serves until stdin closes") { Hidden = true };
        dataSet.AddTo(command);
        command.SetAction((p, ct) => BenchEmulatorHost.RunAsync(dataSet.Read(p)));
        return command;
    }
}
