using System.CommandLine;
using OrderStatusFlow.Bench.Schedule;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Bench.Commands;

/// <summary><c>bench answers</c>: read every stored TD SYNNEX answer (what a rule change does), per PO and in bulk.</summary>
static class AnswersBenchCommand
{
    public static Command Create()
    {
        var orders = new Option<int>("--orders") { Description = "POs with a stored answer", DefaultValueFactory = _ => 20_000 };
        var runs = new Option<int>("--runs") { Description = "Runs of each way (the median is reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("answers", "Read the stored TD SYNNEX answers of N POs from a fresh activity log, one call per PO and one bulk call") { orders, runs };
        command.SetAction(p => RunAsync(p.GetValue(orders), p.GetValue(runs)));
        return command;
    }

    static async Task<int> RunAsync(int orders, int runs)
    {
        if (orders < 1 || runs < 1)
        {
            Console.Error.WriteLine("osf bench answers: --orders and --runs must be at least 1.");
            return ExitCodes.Usage;
        }
        var result = await StoredAnswerReadBenchmark.RunAsync(orders, runs);
        Console.Out.WriteLine(result.ToText());
        return ExitCodes.Ok;
    }
}
