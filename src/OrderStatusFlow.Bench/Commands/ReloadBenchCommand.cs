using System.CommandLine;
using System.Text.Json;
using OrderStatusFlow.Bench.Rules;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Bench.Commands;

/// <summary><c>bench reload</c>: reload the rules N times and report memory and live rule versions.</summary>
static class ReloadBenchCommand
{
    public static Command Create()
    {
        var reloads = new Option<int>("--reloads") { Description = "Number of rule reloads", DefaultValueFactory = _ => 500 };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => CliPaths.DefaultRules };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout" };
        var command = new Command("reload", "Reload the rules N times (compile, fixtures, swap, unload) and report memory and live rule versions") { reloads, rules, json };
        command.SetAction(p => Run(p.GetValue(rules)!, p.GetValue(reloads), p.GetValue(json)));
        return command;
    }

    static int Run(string rules, int reloads, bool json)
    {
        if (reloads < 1)
        {
            Console.Error.WriteLine("osf bench reload: --reloads must be at least 1.");
            return ExitCodes.Usage;
        }
        var result = RuleReloadBenchmark.Run(rules, reloads, [50, 500]);
        Console.Out.WriteLine(json
            ? JsonSerializer.Serialize(new
            {
                result.Reloads, elapsedSeconds = result.Elapsed.TotalSeconds, result.MaxLiveVersions, result.ManagedGrowth,
                samples = result.Samples.Select(s => new { s.Reloads, managedMb = s.ManagedBytes / 1048576.0, workingSetMb = s.WorkingSetBytes / 1048576.0, s.LiveVersions }),
            }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            : result.ToText());
        return ExitCodes.Ok;
    }
}
