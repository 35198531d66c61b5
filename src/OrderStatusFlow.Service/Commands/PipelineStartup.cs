using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Sqlite;
using Serilog;

namespace OrderStatusFlow.Service.Commands;

/// <summary>What `run` and `demo` share: validate the pipeline file, open the activity log, build the service.</summary>
sealed class PipelineStartup : IAsyncDisposable
{
    SqliteActivityLog? _log;

    PipelineStartup(StageRegistry registry) => Registry = registry;

    public StageRegistry Registry { get; }

    public SyncService? Service { get; private set; }

    public string DbPath { get; private set; } = "";

    /// <summary>The definition as first loaded (the service re-reads the file itself).</summary>
    public PipelineDefinition? Definition { get; private set; }

    /// <summary>Null and problems printed when the pipeline file is invalid or the log cannot be opened.</summary>
    public static async Task<PipelineStartup?> CreateAsync(CliPaths paths, bool dryRun, ILogger logger)
    {
        PipelineStartup? startup = null;
        startup = new PipelineStartup(StageTypes.CreateRegistry(() => startup?._log, logger));
        var loaded = new PipelineDefinitionLoader(startup.Registry).TryLoad(paths.Pipeline, paths.Rules);
        if (!loaded.IsValid)
        {
            PrintProblems(loaded.Problems);
            return null;
        }
        startup.Definition = loaded.Definition;
        startup.DbPath = paths.DbOr(loaded.Definition!.ActivityLogPath);
        startup._log = await SqliteActivityLog.OpenAsync(startup.DbPath, new SqliteActivityLogOptions
        {
            UnavailableTimeout = loaded.Definition.ActivityLog.UnavailableTimeout,
            OnUnavailable = reason => logger.Warning("{Reason}", reason),
        });
        startup.Service = new SyncService(new SyncServiceOptions
        {
            PipelinePath = paths.Pipeline,
            RulesFolder = paths.Rules,
            DryRun = dryRun,
            Logger = logger,
            Schedule = new Core.Scheduling.InMemoryCheckSchedule(),
        }, startup.Registry, startup._log);
        return startup;
    }

    public static void PrintProblems(IReadOnlyList<PipelineProblem> problems)
    {
        foreach (var problem in problems)
            Console.Error.WriteLine(problem.ToString());
        Console.Error.WriteLine($"{problems.Count} problem(s) in the pipeline definition; nothing was started. Fix them and run './run.sh lint' to check.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
            await Service.DisposeAsync();
        if (_log is not null)
            await _log.DisposeAsync();
    }
}
