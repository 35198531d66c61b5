using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Rules.Catalog;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>lint</c>: validate the pipeline definition, then do what a rules load does (compile with the safety checks, run
/// the fixtures, check the pipeline's settings against the values the rules accept, through
/// <see cref="RuleCatalog.CheckFolder"/>); every problem with file, line and column. Clean means the set would load.
/// </summary>
static class LintCommand
{
    public static Task<int> RunAsync(CliPaths paths)
    {
        var problems = 0;
        var registry = StageTypes.CreateRegistry(() => null, Serilog.Core.Logger.None);
        var pipeline = new PipelineDefinitionLoader(registry, checkConnectionValues: false).TryLoad(paths.Pipeline, paths.Rules);
        foreach (var problem in pipeline.Problems)
        {
            Console.Error.WriteLine(problem.ToString());
            problems++;
        }

        if (!Directory.Exists(paths.Rules))
        {
            Console.Error.WriteLine($"{paths.Rules}: the rules folder does not exist; pass --rules or set OSF_RULES");
            problems++;
        }
        else
        {
            var settings = pipeline.Definition?.Settings ?? new Dictionary<string, string>();
            var protection = pipeline.Definition is { } definition ? OrderStatusFlow.Rules.Protection.ProtectedFields.For(definition) : null;
            var rules = RuleCatalog.CheckFolder(paths.Rules, settings, protection);
            foreach (var problem in rules.Problems)
            {
                Console.Error.WriteLine(problem);
                problems++;
            }
            foreach (var refused in rules.RefusedSettings)
            {
                Console.Error.WriteLine($"{SettingLocation.Of(paths.Pipeline, refused.Name)}: {refused.Message}");
                problems++;
            }
        }

        if (problems > 0)
        {
            Console.Error.WriteLine($"{problems} problem(s).");
            return Task.FromResult(ExitCodes.CouldNotRun);
        }
        Console.WriteLine($"ok: {paths.Pipeline} is valid; the rules in {paths.Rules}/ compile, pass their fixtures and accept the pipeline's settings.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
