using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>demo</c> (the default): both emulators with the demo scenario, whose orders progress over the first two minutes,
/// and the pipeline running against them every few seconds until Ctrl+C.
/// </summary>
static class DemoCommand
{
    const string DemoPipeline = "pipelines/demo.json";
    const string DemoDb = "data/demo-activity.db";

    public static async Task<int> RunAsync(string? rules, string? db, bool verbose)
    {
        var logger = Logging.Create(verbose);
        using var stop = new StopSignal(logger);
        await using var emulators = await EmulatorPair.StartAsync(scenarioPath: null);
        emulators.ApplyToEnvironment();

        var dbPath = db ?? DemoDb;
        foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
            if (File.Exists(file))
                File.Delete(file); // each demo starts from the scenario's beginning, so its log does too

        Console.WriteLine($"""
            OrderStatusFlow demo
              ServiceNow emulator  {emulators.ServiceNow.BaseUrl}
              TD SYNNEX emulator   {emulators.TdSynnex.BaseUrl}
              pipeline             {DemoPipeline} (a cycle every 5 s)
              activity log         {Path.GetFullPath(dbPath)}
            18 connector POs move through accepted, released, back-ordered, partial, shipped, invoiced and
            cancelled over the first two minutes. Try, in another shell:
              sqlite3 {dbPath} "SELECT po_number, status, at FROM v_latest_status ORDER BY po_number"
            Edit a file in rules/ and the next cycle uses it. The operator console's address follows
            ("Console: ..."); set OSF_CONSOLE_TOKEN before starting to enable its actions. Ctrl+C stops.

            """);
        return await RunCommand.RunAsync(CliPaths.Resolve(DemoPipeline, rules, dbPath), once: false, dryRun: false, logger, stop.Token);
    }
}
