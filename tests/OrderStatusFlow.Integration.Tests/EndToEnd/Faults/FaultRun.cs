using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd.Faults;

/// <summary>
/// Runs one <see cref="FaultCase"/>: both emulators in this process, the real <c>osf</c> binary as a child process
/// against them, a temp activity log. Credentials contain characters that change under XML, URL and JSON escaping,
/// so a leak in any form is visible.
/// </summary>
sealed class FaultRun : IAsyncDisposable
{
    public const int Orders = 12;
    public const string ServiceNowUser = "osf.integration";
    public const string ServiceNowSecret = "Sn-S3cret <&> \"q\" +/ é%41";
    public const string TdSynnexSecret = "Td-S3cret <&> 'q' +/ ü%42";

    readonly string _folder;

    FaultRun(ConnectorHarness harness, ServiceNowScenario scenario, string folder)
    {
        Harness = harness;
        Scenario = scenario;
        _folder = folder;
    }

    public ConnectorHarness Harness { get; }

    /// <summary>The ServiceNow data the case started from.</summary>
    public ServiceNowScenario Scenario { get; }

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public string PipelinePath => Harness.PipelinePath;

    public string DbPath => Harness.DbPath;

    public static ServiceNowScenario BaseServiceNow(int orders = Orders)
    {
        var scenario = ServiceNowScenario.Generate(orders);
        scenario.User = ServiceNowUser;
        scenario.Password = ServiceNowSecret;
        return scenario;
    }

    public static TdSynnexScenario BaseTdSynnex(int orders = Orders)
    {
        var scenario = TdSynnexScenario.Generate(orders);
        scenario.Password = TdSynnexSecret;
        return scenario;
    }

    public static Task<FaultRun> StartAsync(FaultCase fault) => StartAsync([fault]);

    /// <summary>One data set with the faults of every case applied (a group's cases touch different POs).</summary>
    public static async Task<FaultRun> StartAsync(IReadOnlyList<FaultCase> faults)
    {
        var fault = faults[0];
        var serviceNow = BaseServiceNow(fault.Orders);
        var tdSynnex = BaseTdSynnex(fault.Orders);
        foreach (var each in faults)
        {
            each.ServiceNow(serviceNow);
            each.TdSynnex(tdSynnex);
        }
        var folder = Path.Combine(Path.GetTempPath(), "osf-fault-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var run = new FaultRun(await ConnectorHarness.StartAsync(serviceNow, tdSynnex, folder), serviceNow, folder);
        var pipeline = JObject.Parse(File.ReadAllText(run.PipelinePath));
        foreach (var each in faults)
            each.Pipeline(pipeline);
        File.WriteAllText(run.PipelinePath, pipeline.ToString());
        return run;
    }

    /// <summary>Starts <c>osf</c> with the case's command and environment (not waited for).</summary>
    public OsfProcess Launch(FaultCase fault, params string[]? command)
    {
        var environment = fault.Environment.ToDictionary(e => e.Key, e => e.Value
            .Replace("{sn}", Harness.ServiceNow.BaseUrl.ToString().TrimEnd('/'))
            .Replace("{tds}", Harness.TdSynnex.BaseUrl.ToString().TrimEnd('/')));
        var args = (command is { Length: > 0 } ? command : fault.Command).Concat(["--pipeline", PipelinePath]).ToList();
        if (args[0] == "run")
            args.AddRange(["--db", DbPath]);
        return OsfProcess.Start(RepoPaths.Root, environment, [.. args]);
    }

    public async Task<int> RunAsync(FaultCase fault, params string[]? command)
    {
        using var osf = Launch(fault, command);
        return await CompleteAsync(osf);
    }

    public async Task<int> CompleteAsync(OsfProcess osf)
    {
        ExitCode = await osf.WaitForExitAsync(OsfProcess.Deadline);
        Output += osf.Stdout + osf.Stderr;
        return ExitCode;
    }

    public IReadOnlyList<ActivityDb.Event> Events() => File.Exists(DbPath) ? ActivityDb.Events(DbPath) : [];

    /// <summary>The PO sys_id of each record the ServiceNow emulator committed a change to.</summary>
    public IReadOnlySet<string> CommittedPoSysIds()
    {
        var lineToPo = Scenario.Tables["proc_po_item"].ToDictionary(l => l["sys_id"], l => l["purchase_order"]);
        return Harness.ServiceNow.CommittedWrites.Where(w => w.Changed.Count > 0)
            .Select(w => w.Table == "proc_po_item" ? lineToPo[w.SysId] : w.SysId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every credential, in every form it could take, must be absent from the output and the database file.</summary>
    public void AssertNoSecretLeaked()
    {
        var forms = SecretRedactor.FormsOf(ServiceNowSecret).Concat(SecretRedactor.FormsOf(TdSynnexSecret))
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServiceNowUser}:{ServiceNowSecret}")))
            .Distinct().ToList();
        var places = new Dictionary<string, string> { ["stdout/stderr"] = Output };
        foreach (var file in new[] { DbPath, DbPath + "-wal" }.Where(File.Exists))
            places[Path.GetFileName(file)] = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        foreach (var (place, text) in places)
            foreach (var form in forms)
                Assert.That(text.Contains(form, StringComparison.OrdinalIgnoreCase), Is.False, $"a credential ('{form}') leaked into {place}");
    }

    public IReadOnlyList<string> UnfinishedRuns()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return connection.Query<long>("SELECT run_id FROM sync_runs WHERE finished_at IS NULL").Select(r => r.ToString()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
