using System.CommandLine;
using OrderStatusFlow.Bench.ConsolePages;

namespace OrderStatusFlow.Bench.Commands;

/// <summary><c>bench console</c>: time each operator console page over a generated activity log.</summary>
static class ConsoleBenchCommand
{
    public static Command Create()
    {
        var pos = new Option<int>("--pos") { Description = "POs in the generated activity log", DefaultValueFactory = _ => 100_000 };
        var events = new Option<int>("--events") { Description = "Events in the generated activity log (1,000 a cycle)", DefaultValueFactory = _ => 1_000_000 };
        var requests = new Option<int>("--requests") { Description = "Timed requests per page", DefaultValueFactory = _ => 20 };
        var command = new Command("console", "Time each operator console page over a generated activity log (default 100,000 POs, 1,000,000 events)") { pos, events, requests };
        // Checked in the action: a command validator sees 0, not the default, for an option left out.
        command.SetAction(p =>
        {
            if (p.GetValue(pos) >= 1 && p.GetValue(events) >= 1 && p.GetValue(requests) >= 1)
                return ConsoleBench.RunAsync(p.GetValue(pos), p.GetValue(events), p.GetValue(requests));
            Console.Error.WriteLine("osf bench console: --pos, --events and --requests must be at least 1.");
            return Task.FromResult(2);
        });
        return command;
    }
}
