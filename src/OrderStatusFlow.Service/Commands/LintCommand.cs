using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>lint</c>: validate the pipeline definition and compile every rule; every problem with file, line and column.</summary>
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
            var rules = RuleCompiler.CompileDirectory(paths.Rules);
            foreach (var diagnostic in rules.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic.ToString());
                problems++;
            }
        }

        if (problems > 0)
        {
            Console.Error.WriteLine($"{problems} problem(s).");
            return Task.FromResult(ExitCodes.CouldNotRun);
        }
        Console.WriteLine($"ok: {paths.Pipeline} is valid and every rule in {paths.Rules}/ compiles.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
