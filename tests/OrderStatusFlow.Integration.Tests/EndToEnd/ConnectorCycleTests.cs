using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>Whole cycles: ServiceNow emulator → TD SYNNEX emulator → shipped rules → Batch API → SQLite.</summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class ConnectorCycleTests : FixtureBase
{
    [Test]
    public async Task RunOnce_DemoScenario_WritesWhatTheLogSaysAndRecordsOneEventPerPo()
    {
        var harness = Using(await ConnectorHarness.StartDemoAsync(NewTempDirectory()));

        var result = await harness.RunOnceAsync();

        Assert.That(result.CouldRun, Is.True, result.Error);
        Assert.That(result.Counts.Seen, Is.EqualTo(18), "the demo has 18 eligible connector POs");
        var events = ActivityDb.Events(harness.DbPath, result.RunId);
        Assert.That(events.Select(e => e.PoNumber).ToList(), Is.Unique.And.Count.EqualTo(18));
        var updated = events.Where(e => e.Outcome == "updated").ToList();
        Assert.That(updated, Is.Not.Empty, "the demo's first cycle has statuses to write");
        foreach (var e in updated)
        {
            var written = JObject.Parse(e.FieldsJson!)["proc_po"]!.ToObject<Dictionary<string, string>>()!;
            var record = harness.Po(e.PoSysId);
            foreach (var (field, value) in written)
                Assert.That(record[field], Is.EqualTo(value), $"{e.PoNumber}.{field} in ServiceNow matches the activity log");
            Assert.That(record["u_tds_order_status"], Is.EqualTo(e.NewStatus), $"{e.PoNumber} new_status");
        }
        Assert.That(ActivityDb.Scalar(harness.DbPath, $"SELECT orders_seen FROM sync_runs WHERE run_id = {result.RunId}"), Is.EqualTo(18));
    }

    [Test]
    public async Task RunOnce_NonConnectorAndCompletedPos_AreNeverTouchedNorLogged()
    {
        var harness = Using(await ConnectorHarness.StartDemoAsync(NewTempDirectory()));
        const string notConnector = "po000000000000000000000000000019", received = "po000000000000000000000000000020";
        var before = (harness.Po(notConnector).ToDictionary(), harness.Po(received).ToDictionary());

        await harness.RunOnceAsync();
        await harness.RunOnceAsync();

        Assert.That(harness.Po(notConnector), Is.EqualTo(before.Item1));
        Assert.That(harness.Po(received), Is.EqualTo(before.Item2));
        Assert.That(harness.ServiceNow.CommittedWrites.Select(w => w.SysId), Has.None.EqualTo(notConnector).And.None.EqualTo(received));
        Assert.That(ActivityDb.Events(harness.DbPath).Select(e => e.PoNumber), Has.None.EqualTo("PO0010019").And.None.EqualTo("PO0010020"));
    }

    [Test]
    public async Task RunOnce_QueryReturnsIneligiblePos_LoggedSkippedWithTheReasonNeverQueriedNorWritten()
    {
        var harness = Using(await ConnectorHarness.StartDemoAsync(NewTempDirectory()));
        const string notConnector = "po000000000000000000000000000019", received = "po000000000000000000000000000020";
        var before = (harness.Po(notConnector).ToDictionary(), harness.Po(received).ToDictionary());
        harness.EditPipeline(p => p["stages"]![0]!["args"]!["query"] = ""); // every PO, eligible or not

        var result = await harness.RunOnceAsync();

        Assert.That(result.CouldRun, Is.True, result.Error);
        var events = ActivityDb.Events(harness.DbPath, result.RunId).ToDictionary(e => e.PoNumber);
        Assert.Multiple(() =>
        {
            Assert.That(events["PO0010019"].Outcome, Is.EqualTo("skipped"));
            Assert.That(events["PO0010019"].Detail, Is.EqualTo("u_tds_cpo_id is empty: not submitted through the connector"));
            Assert.That(events["PO0010020"].Outcome, Is.EqualTo("skipped"));
            Assert.That(events["PO0010020"].Detail, Does.StartWith("status is 'received'"));
            Assert.That(harness.Po(notConnector), Is.EqualTo(before.Item1));
            Assert.That(harness.Po(received), Is.EqualTo(before.Item2));
            Assert.That(harness.ServiceNow.CommittedWrites.Select(w => w.SysId), Has.None.EqualTo(notConnector).And.None.EqualTo(received));
            Assert.That((harness.TdSynnex.Stats.StatusRequestsFor("PO0010019"), harness.TdSynnex.Stats.StatusRequestsFor("PO0010020")), Is.EqualTo((0, 0)));
        });
    }

    [Test]
    public async Task RunOnce_SecondCycleOnUnchangedData_SendsNoWrite()
    {
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(30), TdSynnexScenario.Generate(30), NewTempDirectory()));

        var first = await harness.RunOnceAsync();
        var batchesAfterFirst = harness.ServiceNow.Stats[ServiceNowEmulatorStats.BatchRequests];
        var writesAfterFirst = harness.ServiceNow.CommittedWrites.Count;
        var second = await harness.RunOnceAsync();

        Assert.That(first.Counts.Updated, Is.EqualTo(30), first.ToString());
        Assert.That(writesAfterFirst, Is.GreaterThan(0));
        Assert.That(harness.ServiceNow.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(batchesAfterFirst), "no Batch API call in the idle cycle");
        Assert.That(harness.ServiceNow.CommittedWrites, Has.Count.EqualTo(writesAfterFirst));
        Assert.That(second.Counts.Updated, Is.Zero, second.ToString());
        Assert.That(second.Counts.Seen, Is.EqualTo(30 - 5), "the 5 invoiced POs (i % 6 == 5) are terminal after the first cycle");
    }

    [Test]
    public async Task RunOnce_DryRun_SendsNoWriteAndLogsWouldUpdate()
    {
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(12), TdSynnexScenario.Generate(12), NewTempDirectory()));

        var result = await harness.RunOnceAsync(dryRun: true);

        Assert.That(harness.ServiceNow.CommittedWrites, Is.Empty);
        Assert.That(harness.ServiceNow.Stats[ServiceNowEmulatorStats.BatchRequests], Is.Zero);
        var events = ActivityDb.Events(harness.DbPath, result.RunId);
        Assert.That(events, Has.Count.EqualTo(12), "one event per PO");
        Assert.That(events.Select(e => e.Outcome), Is.All.EqualTo("would_update"));
        Assert.That(events.Select(e => e.FieldsJson), Is.All.Not.Null);
        Assert.That(ActivityDb.Scalar(harness.DbPath, $"SELECT dry_run FROM sync_runs WHERE run_id = {result.RunId}"), Is.EqualTo(1));
    }

    [Test]
    public async Task RunOnce_OnePoFailsAtTdSynnex_OthersAreUpdatedAndTheFailureIsExplained()
    {
        var tds = TdSynnexScenario.Generate(6);
        tds.Faults.Add(new TdSynnexFault { PoNumber = "BN0000003", Kind = TdSynnexFaultKind.ErrorMessage, Calls = 100, Message = "Client.IncompleteXML", Detail = "1. PONumber is required" });
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(6), tds, NewTempDirectory()));

        var result = await harness.RunOnceAsync();

        Assert.That(result.ExitCode, Is.EqualTo(3), "the cycle completed but an order failed");
        var events = ActivityDb.Events(harness.DbPath, result.RunId);
        var failed = events.Single(e => e.Outcome == "failed");
        Assert.That(failed.PoNumber, Is.EqualTo("BN0000003"));
        Assert.That(failed.Error, Does.Contain("IncompleteXML"));
        Assert.That(failed.Error, Does.Not.Contain(tds.Password));
        Assert.That(events.Count(e => e.Outcome == "updated"), Is.EqualTo(5));
    }
}
