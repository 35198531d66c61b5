using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>The operator's commands around a run: doctor before it, log after it.</summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class OperatorCommandTests : FixtureBase
{
    [Test]
    public async Task Doctor_AgainstHealthyEmulators_ReportsEveryCheckOkAndExits0()
    {
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(3), TdSynnexScenario.Generate(3), NewTempDirectory()));

        var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "doctor", "--pipeline", harness.PipelinePath);

        Assert.That(exitCode, Is.EqualTo(0), stdout + stderr);
        Assert.That(stdout, Does.Contain("servicenow [ok] authenticate").And.Contain("tdsynnex [ok] authenticate"));
        Assert.That(stdout, Does.Not.Contain("[error]").And.Not.Contain("[warning]"));
    }

    [Test]
    public async Task Log_AfterARun_AnswersRunsFailuresAndOnePoHistoryFromTheFile()
    {
        var tdSynnex = TdSynnexScenario.Generate(6);
        tdSynnex.Faults.Add(new TdSynnexFault { PoNumber = "BN0000002", Kind = TdSynnexFaultKind.Malformed, Calls = 100 });
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(6), tdSynnex, NewTempDirectory()));
        var run = await harness.RunOnceAsync();

        var runs = await OsfProcess.RunAsync(RepoPaths.Root, "log", "runs", "--db", harness.DbPath);
        var failures = await OsfProcess.RunAsync(RepoPaths.Root, "log", "failures", "--db", harness.DbPath);
        var history = await OsfProcess.RunAsync(RepoPaths.Root, "log", "po", "BN0000001", "--db", harness.DbPath);
        var info = await OsfProcess.RunAsync(RepoPaths.Root, "log", "info", "--db", harness.DbPath);
        var export = await OsfProcess.RunAsync(RepoPaths.Root, "log", "export", "--outcome", "failed", "--format", "jsonl", "--db", harness.DbPath);
        var badExport = await OsfProcess.RunAsync(RepoPaths.Root, "log", "export", "--format", "xlsx", "--db", harness.DbPath);

        Assert.That(runs.ExitCode, Is.EqualTo(0), runs.Stderr);
        Assert.That(runs.Stdout, Does.Contain(run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("order-status"));
        Assert.That(failures.ExitCode, Is.EqualTo(0), failures.Stderr);
        Assert.That(failures.Stdout, Does.Contain("BN0000002").And.Contain("malformed"));
        Assert.That(failures.Stdout, Does.Not.Contain("BN0000001"));
        Assert.That(history.ExitCode, Is.EqualTo(0), history.Stderr);
        Assert.That(history.Stdout, Does.Contain("updated").And.Contain("TDS Released"), "BN0000001 (i % 6 == 1) was released");
        Assert.That(runs.Stdout, Does.Contain("oldest run kept"));
        Assert.That(info.ExitCode, Is.EqualTo(0), info.Stderr);
        Assert.That(info.Stdout, Does.Contain($"schema version:   {OrderStatusFlow.Sqlite.SqliteActivityLog.SchemaVersion}").And.Contain("oldest run kept:  20"));
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Stderr);
        var lines = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("po_number").GetString()), Is.EqualTo(new[] { "BN0000002" }));
        Assert.That(export.Stderr, Does.Contain("exported 1 events"));
        Assert.That(badExport.ExitCode, Is.EqualTo(2));
        Assert.That(badExport.Stderr, Does.Contain("--format must be csv or jsonl"));
    }
}
