using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary><c>run --once --po</c>: an operator checks some POs now, over the real clients, and nothing else.</summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class RunOncePoTests : FixtureBase
{
    [Test]
    public async Task RunOncePo_TwoPoNumbers_OnlyThoseAreAskedAboutAndWritten()
    {
        const int orders = 30;
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(orders), TdSynnexScenario.Generate(orders), NewTempDirectory()));

        var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root,
            "run", "--once", "--po", "BN0000002,BN0000005", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);

        Assert.That(exitCode, Is.EqualTo(0), stdout + stderr);
        var asked = Enumerable.Range(1, orders).Select(i => $"BN{i:D7}").Where(n => harness.TdSynnex.Stats.StatusRequestsFor(n) > 0).ToList();
        Assert.That(asked, Is.EquivalentTo(new[] { "BN0000002", "BN0000005" }));
        var written = harness.ServiceNow.CommittedWrites.Select(w => w.Table).Distinct().ToList();
        Assert.That(written, Does.Contain("proc_po_item"), "the lines of the POs asked about were read and written");
        var posWritten = harness.ServiceNow.CommittedWrites.Where(w => w.Table == "proc_po").Select(w => w.SysId).Distinct().Count();
        Assert.That(posWritten, Is.InRange(1, 2));
    }

    [Test]
    public async Task RunPo_WithoutOnce_IsAUsageError()
    {
        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "run", "--po", "BN0000002");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--po needs --once"));
    }
}
