using OrderStatusFlow.Rules.Fixtures;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>rules test</c>: runs every <c>rules/*.tests.json</c> fixture against the rule scripts, with a diff on failure.</summary>
static class RulesTestCommand
{
    public static Task<int> RunAsync(CliPaths paths)
    {
        if (!Directory.Exists(paths.Rules))
        {
            Console.Error.WriteLine($"{paths.Rules}: the rules folder does not exist; pass --rules or set OSF_RULES");
            return Task.FromResult(ExitCodes.CouldNotRun);
        }
        var report = RuleFixtureRunner.RunDirectory(paths.Rules);
        Console.WriteLine(report.ToText(includePassed: true));
        return Task.FromResult(report.Succeeded ? ExitCodes.Ok : ExitCodes.CouldNotRun);
    }
}
