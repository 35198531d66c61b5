using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>SIGTERM stops fetching, drains what is in flight, records it, and exits 0 well within 30 s.</summary>
[TestFixture]
sealed class GracefulStopTests : FixtureBase
{
    [Test]
    public async Task Process_SigtermMidCycle_DrainsRecordsAndExits0()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("sends a POSIX signal");
        const int orders = 200;
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(orders, batchItemLatencyMs: 10), TdSynnexScenario.Generate(orders), NewTempDirectory()));
        using var osf = OsfProcess.Start(RepoPaths.Root, "run", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);
        await Wait.UntilAsync(() => harness.ServiceNow.CommittedWrites.Count > 0 || osf.HasExited, "the first write of the first cycle", OsfProcess.Deadline);
        Assert.That(osf.HasExited, Is.False, osf.Stderr);

        var signalled = System.Diagnostics.Stopwatch.StartNew();
        osf.Terminate();
        var exitCode = await osf.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.EqualTo(0), $"{osf.Stdout}\n{osf.Stderr}");
        Assert.That(signalled.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "well within the 30 s a service manager allows");
        Assert.That(ActivityDb.Scalar(harness.DbPath, "SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NULL"), Is.Zero, "the interrupted run is closed");
        var logged = ActivityDb.Events(harness.DbPath).Where(e => e.Outcome == "updated").Select(e => e.PoSysId).ToHashSet();
        var written = harness.ServiceNow.CommittedWrites.Where(w => w.Table == "proc_po").Select(w => w.SysId).ToHashSet();
        Assert.That(written.Except(logged), Is.Empty, "every PO written before the stop is in the activity log as updated");
    }
}
