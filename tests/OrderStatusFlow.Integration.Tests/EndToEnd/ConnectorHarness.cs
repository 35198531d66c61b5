using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.Service.Commands;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>
/// The whole product in one process: both emulators on loopback, a pipeline file in a temp folder pointing at them
/// (literal URLs; the connection variables are cleared so a shell's OSF_* cannot redirect it), the shipped rules, a temp SQLite activity log, and the real
/// stage factories. Nothing is faked: every hop is the production code over HTTP.
/// </summary>
sealed class ConnectorHarness : IAsyncDisposable
{
    ConnectorHarness(ServiceNowEmulator serviceNow, TdSynnexEmulator tdSynnex, string folder)
    {
        ServiceNow = serviceNow;
        TdSynnex = tdSynnex;
        Folder = folder;
    }

    public ServiceNowEmulator ServiceNow { get; }

    public TdSynnexEmulator TdSynnex { get; }

    public string Folder { get; }

    public string PipelinePath => Path.Combine(Folder, "pipeline.json");

    public string DbPath => Path.Combine(Folder, "activity.db");

    public static string DemoScenario => Path.Combine(AppContext.BaseDirectory, "Scenarios", "demo.json");

    /// <param name="serviceNowTime">The ServiceNow emulator's clock (its rate-limit windows); default the system clock.</param>
    public static async Task<ConnectorHarness> StartAsync(ServiceNowScenario serviceNow, TdSynnexScenario tdSynnex, string folder, TimeProvider? serviceNowTime = null)
    {
        StageTypes.ClearConnectionEnvironment();
        var sn = await ServiceNowEmulator.StartAsync(serviceNow, time: serviceNowTime);
        var tds = await TdSynnexEmulator.StartAsync(tdSynnex);
        var harness = new ConnectorHarness(sn, tds, folder);
        harness.WritePipeline(serviceNow, tdSynnex);
        return harness;
    }

    public static Task<ConnectorHarness> StartDemoAsync(string folder)
    {
        var json = File.ReadAllText(DemoScenario);
        return StartAsync(ServiceNowScenario.FromScenarioJson(json), TdSynnexScenario.FromJson(json), folder);
    }

    /// <summary>The shipped production pipeline file, with the emulators' URLs and credentials written in.</summary>
    void WritePipeline(ServiceNowScenario serviceNow, TdSynnexScenario tdSynnex)
    {
        var pipeline = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Pipelines, "order-status.json")),
            new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        pipeline["connections"] = new JObject
        {
            ["servicenow"] = new JObject
            {
                ["url"] = ServiceNow.BaseUrl.ToString().TrimEnd('/'),
                ["user"] = serviceNow.User,
                ["password"] = serviceNow.Password,
                ["retryBaseDelay"] = "00:00:00.050",
            },
            ["tdsynnex"] = new JObject
            {
                ["url"] = TdSynnex.BaseUrl.ToString().TrimEnd('/'),
                ["invoiceUrl"] = TdSynnex.BaseUrl.ToString().TrimEnd('/'),
                ["user"] = tdSynnex.User,
                ["password"] = tdSynnex.Password,
                ["customer"] = tdSynnex.Customer,
            },
        };
        pipeline["stages"]![1]!["args"] = new JObject { ["baseDelay"] = "00:00:00.050" };
        pipeline["stages"]![3]!["flushAfter"] = "00:00:00.200";
        pipeline["activityLog"] = new JObject { ["path"] = DbPath };
        File.WriteAllText(PipelinePath, pipeline.ToString());
    }

    /// <summary>Changes the pipeline file the next cycle reads.</summary>
    public void EditPipeline(Action<JObject> edit)
    {
        var pipeline = JObject.Parse(File.ReadAllText(PipelinePath));
        edit(pipeline);
        File.WriteAllText(PipelinePath, pipeline.ToString());
    }

    /// <summary>Runs one full cycle through a fresh service (as <c>run --once</c> does) and returns its result.</summary>
    public async Task<Core.Pipeline.CycleResult> RunOnceAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        await using var log = await SqliteActivityLog.OpenAsync(DbPath);
        var registry = StageTypes.CreateRegistry(() => log, Serilog.Core.Logger.None);
        await using var service = new SyncService(new SyncServiceOptions
        {
            PipelinePath = PipelinePath,
            RulesFolder = RepoPaths.Rules,
            DryRun = dryRun,
            WatchFile = false,
        }, registry, log);
        return await service.RunOnceAsync(cancellationToken);
    }

    /// <summary>
    /// One cycle of the long-lived service with the schedule kept in the activity log (as <c>osf run</c> builds it),
    /// in a fresh service over the same file, so each call also shows what a restart keeps.
    /// </summary>
    public async Task<Core.Pipeline.CycleResult> RunScheduledCycleAsync(Core.Scheduling.CycleRequest request)
    {
        await using var log = await SqliteActivityLog.OpenAsync(DbPath);
        var registry = StageTypes.CreateRegistry(() => log, Serilog.Core.Logger.None);
        await using var service = new SyncService(new SyncServiceOptions
        {
            PipelinePath = PipelinePath,
            RulesFolder = RepoPaths.Rules,
            WatchFile = false,
            Schedule = new SqliteCheckSchedule(log),
        }, registry, log);
        return await service.RunOnceAsync(request, CancellationToken.None);
    }

    public IReadOnlyDictionary<string, string> Po(string sysId) =>
        ServiceNow.GetRecord("proc_po", sysId) ?? throw new AssertionException($"proc_po {sysId} does not exist in the emulator");

    public async ValueTask DisposeAsync()
    {
        await TdSynnex.DisposeAsync();
        await ServiceNow.DisposeAsync();
    }
}
