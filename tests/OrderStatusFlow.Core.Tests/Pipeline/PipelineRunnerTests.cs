using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

public sealed class PipelineRunnerTests
{
    [Test]
    public async Task RunCycle_SomeOrders_RecordsOneEventPerPoAndOneRun()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(25).Append(Some.PurchaseOrder("PO9", cpoId: "", skipReason: "u_tds_cpo_id is empty: not submitted through the connector")));

        var result = await harness.RunAsync();

        var events = harness.Log.EventsOf(result.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(26));
            Assert.That(events.Select(e => e.PoNumber).Distinct().Count(), Is.EqualTo(26));
            Assert.That(result.Counts.Seen, Is.EqualTo(26));
            Assert.That(result.Counts.Updated, Is.EqualTo(25));
            Assert.That(result.Counts.Skipped, Is.EqualTo(1));
            Assert.That(result.Counts.Writes, Is.EqualTo(25 * 3), "a PO record and two lines each");
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(harness.Log.Summaries.Single().OrdersSeen, Is.EqualTo(26));
            Assert.That(harness.Log.Summaries.Single().Writes, Is.EqualTo(75));
            Assert.That(harness.Log.Starts.Single().RulesVersion, Is.EqualTo("rules-v1"));
        });
    }

    [Test]
    public async Task RunCycle_UpdatedPo_RecordsStatusesAndFields()
    {
        var harness = new PipelineHarness([Some.PurchaseOrder("PO1", orderStatus: "TDS Released")]);

        var result = await harness.RunAsync();

        var entry = harness.Log.Event(result.RunId, "PO1");
        Assert.Multiple(() =>
        {
            Assert.That(entry.Outcome, Is.EqualTo(SyncOutcome.Updated));
            Assert.That(entry.TdsStatus, Is.EqualTo("accepted"));
            Assert.That(entry.PreviousStatus, Is.EqualTo("TDS Released"));
            Assert.That(entry.NewStatus, Is.EqualTo("TDS Accepted"));
            Assert.That(entry.FieldsJson, Does.StartWith("{\"proc_po\":{\"u_tds_order_status\":\"TDS Accepted\"},\"proc_po_item\":{\"1\":"));
            Assert.That(entry.RulesVersion, Is.EqualTo("rules-v1"));
            Assert.That(entry.Error, Is.Null);
        });
    }

    [Test]
    public async Task RunCycle_SecondCycleOnUnchangedData_WritesNothing()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(12));
        await harness.RunAsync();
        var batchesAfterFirst = harness.Writer.Batches.Count;

        var second = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(batchesAfterFirst, Is.GreaterThan(0));
            Assert.That(harness.Writer.Batches, Has.Count.EqualTo(batchesAfterFirst));
            Assert.That(harness.Log.EventsOf(second.RunId).Select(e => e.Outcome), Has.All.EqualTo(SyncOutcome.Unchanged));
            Assert.That(harness.Log.EventsOf(second.RunId).Select(e => e.NewStatus), Has.All.EqualTo("TDS Accepted"));
            Assert.That(second.Counts.Writes, Is.Zero);
        });
    }

    [Test]
    public async Task RunCycle_PosTheSourceMarkedIneligible_LoggedSkippedWithTheReasonNeverQueriedOrWritten()
    {
        var harness = new PipelineHarness(
        [
            Some.PurchaseOrder("PO1"),
            Some.PurchaseOrder("PO-OTHER", cpoId: "", skipReason: "u_tds_cpo_id is empty: not submitted through the connector"),
            Some.PurchaseOrder("PO-DONE", status: "Received", skipReason: "status is 'Received': the PO is completed"),
            Some.PurchaseOrder("PO-TERM", orderStatus: "TDS Invoiced", skipReason: "u_tds_order_status is 'TDS Invoiced': the order is in a terminal TD SYNNEX status"),
        ]);

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            foreach (var number in new[] { "PO-OTHER", "PO-DONE", "PO-TERM" })
            {
                Assert.That(harness.Status.CallsFor(number), Is.Zero, number);
                Assert.That(harness.Writer.Updates.Select(u => u.PoNumber), Does.Not.Contain(number));
                Assert.That(harness.Log.Event(result.RunId, number).Outcome, Is.EqualTo(SyncOutcome.Skipped), number);
            }
            Assert.That(harness.Log.Event(result.RunId, "PO-OTHER").Detail, Does.Contain("u_tds_cpo_id is empty"));
            Assert.That(harness.Log.Event(result.RunId, "PO-DONE").Detail, Does.Contain("status is 'Received': the PO is completed"));
            Assert.That(harness.Log.Event(result.RunId, "PO-TERM").Detail, Does.Contain("terminal"));
            Assert.That(harness.Log.Event(result.RunId, "PO1").Outcome, Is.EqualTo(SyncOutcome.Updated));
        });
    }

    [Test]
    public async Task RunCycle_OnePoThrows_OthersAreUpdated()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(6));
        harness.Status.Throws("BN0000002", new SyncException(FailureKind.Transient, "TD SYNNEX timed out after 3 attempts; it is retried next cycle"));
        harness.Status.Throws("BN0000004", new InvalidOperationException("boom"));

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Log.Event(result.RunId, "BN0000002").Error, Is.EqualTo("transient: TD SYNNEX timed out after 3 attempts; it is retried next cycle"));
            Assert.That(harness.Log.Event(result.RunId, "BN0000004").Error, Does.StartWith("internal: ").And.Contain("boom"));
            Assert.That(result.Counts.Updated, Is.EqualTo(4));
            Assert.That(result.Counts.Failed, Is.EqualTo(2));
            Assert.That(result.CouldRun, Is.True);
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Counts.Failures.Select(f => f.PoNumber), Is.EquivalentTo(new[] { "BN0000002", "BN0000004" }));
        });
    }

    [Test]
    public async Task RunCycle_ConfigurationFailure_StopsCallingTheProvider()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(20), FakeStages.PipelineJson(parallelism: 1, boundedCapacity: 2));
        harness.Status.Default = _ => throw new SyncException(FailureKind.Configuration, "TD SYNNEX rejected the login; check OSF_TDSYNNEX_USER");

        var result = await harness.RunAsync();

        var events = harness.Log.EventsOf(result.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(1));
            Assert.That(events, Has.Count.EqualTo(20));
            Assert.That(events.Select(e => e.Error), Has.All.EqualTo("configuration: TD SYNNEX rejected the login; check OSF_TDSYNNEX_USER"));
            Assert.That(result.CouldRun, Is.False);
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(harness.Log.Summaries.Single().Error, Does.Contain("rejected the login"));
        });
    }

    [Test]
    public async Task RunCycle_NotFound_SkippedUntilTheGraceCycleThenFailed()
    {
        var harness = new PipelineHarness([Some.PurchaseOrder("PO1"), Some.PurchaseOrder("PO2")]);
        harness.Status.Returns("PO1", Some.NotFound());

        var outcomes = new List<SyncOutcome>();
        for (var i = 0; i < 4; i++)
        {
            var result = await harness.RunAsync();
            var entry = harness.Log.Event(result.RunId, "PO1");
            Assert.That(entry.TdsStatus, Is.EqualTo("notFound"));
            outcomes.Add(entry.Outcome);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { SyncOutcome.Skipped, SyncOutcome.Skipped, SyncOutcome.Failed, SyncOutcome.Failed }));
        Assert.That(harness.Log.Events.Where(e => e.PoNumber == "PO1").Last().Error, Does.StartWith("notfound: ").And.Contain("4 cycles in a row"));
        Assert.That(harness.Writer.Updates.Select(u => u.PoNumber), Does.Not.Contain("PO1"));
    }

    [Test]
    public async Task RunCycle_NotFoundGraceFromSettings_IsUsed()
    {
        var harness = new PipelineHarness([Some.PurchaseOrder("PO1")], FakeStages.PipelineJson(settings: "{ \"notFoundGraceCycles\": 1 }"));
        harness.Status.Returns("PO1", Some.NotFound());

        var result = await harness.RunAsync();

        Assert.That(harness.Log.Event(result.RunId, "PO1").Outcome, Is.EqualTo(SyncOutcome.Failed));
    }

    [Test]
    public async Task RunCycle_DryRun_WritesNothingAndLogsWouldUpdate()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(3), dryRun: true);

        var result = await harness.RunAsync();

        var events = harness.Log.EventsOf(result.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Writer.Batches, Is.Empty);
            Assert.That(events.Select(e => e.Outcome), Has.All.EqualTo(SyncOutcome.WouldUpdate));
            Assert.That(events.Select(e => e.NewStatus), Has.All.EqualTo("TDS Accepted"));
            Assert.That(events.Select(e => e.FieldsJson), Has.All.Contains("TDS Accepted"));
            Assert.That(harness.Log.Starts.Single().DryRun, Is.True);
            Assert.That(result.Counts.WouldUpdate, Is.EqualTo(3));
            Assert.That(result.Counts.Writes, Is.Zero);
        });
    }

    [Test]
    public async Task RunCycle_ManyUpdates_AreWrittenInBatchesOfTheConfiguredSize()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(25), FakeStages.PipelineJson(batchSize: 10));

        await harness.RunAsync();

        // The fake clock never moves, so only size (and the end of the cycle) can flush.
        Assert.That(harness.Writer.Batches.Select(b => b.Count).Order(), Is.EqualTo(new[] { 5, 10, 10 }));
    }

    [TestCase(25)]
    [TestCase(30)] // the last batch is full: kept back until the input completes, then handed over whole too
    public async Task RunCycle_AWriterThatSplitsTheLastBatch_GetsItWholeAsTheLastBatch(int orders)
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(orders), FakeStages.PipelineJson(batchSize: 10));
        harness.Writer.SplitsLastBatch = true;

        await harness.RunAsync();

        var last = harness.Writer.LastBatches;
        Assert.That(last, Has.Count.EqualTo(1), "one last batch, not split across the write stage's calls");
        Assert.That(last[0], Has.Count.EqualTo(orders % 10 == 0 ? 10 : orders % 10));
        Assert.That(harness.Writer.Updates.Select(u => u.PoNumber).Distinct().Count(), Is.EqualTo(orders), "every PO written once");
        Assert.That(harness.Writer.Updates, Has.Count.EqualTo(orders));
    }

    [Test]
    public async Task RunCycle_WholeBatchFails_EveryPoOfTheBatchFails()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(4));
        harness.Writer.BatchFailure = new SyncException(FailureKind.Transient, "ServiceNow answered 503 three times; retried next cycle");

        var result = await harness.RunAsync();

        var events = harness.Log.EventsOf(result.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Outcome), Has.All.EqualTo(SyncOutcome.Failed));
            Assert.That(events.Select(e => e.Error), Has.All.EqualTo("transient: ServiceNow answered 503 three times; retried next cycle"));
            Assert.That(events.Select(e => e.FieldsJson), Has.All.Not.Null, "the fields it tried to write");
            Assert.That(events.Select(e => e.NewStatus), Has.All.Null, "nothing was written");
            Assert.That(result.ExitCode, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task RunCycle_OneWriteRefused_OnlyThatPoFails()
    {
        var orders = Some.PurchaseOrders(3);
        var harness = new PipelineHarness(orders);
        harness.Writer.FailsFor(orders[1].SysId, FailureKind.Ignored, "ServiceNow kept the old value of u_tds_order_status; check the field's write ACL");

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Log.Event(result.RunId, orders[1].Number).Error, Is.EqualTo("ignored: ServiceNow kept the old value of u_tds_order_status; check the field's write ACL"));
            Assert.That(harness.Log.Event(result.RunId, orders[0].Number).Outcome, Is.EqualTo(SyncOutcome.Updated));
            Assert.That(harness.Log.Event(result.RunId, orders[2].Number).Outcome, Is.EqualTo(SyncOutcome.Updated));
            Assert.That(result.Counts.Writes, Is.EqualTo(6));
        });
    }

    [Test]
    public async Task RunCycle_RuleSkipsOrThrows_IsRecordedPerPo()
    {
        var harness = new PipelineHarness([Some.PurchaseOrder("PO1"), Some.PurchaseOrder("PO2"), Some.PurchaseOrder("PO3")]);
        harness.Rules.Current = new DelegateRuleSet("v2", (ctx, outcome) =>
        {
            if (ctx.Po.Number == "PO1")
                outcome.Skip("waiting for the invoice");
            if (ctx.Po.Number == "PO2")
                throw new SyncException(FailureKind.Rule, "20-shipped.csx(4,1): index out of range");
            outcome.SetPo("u_vendor_notes", "hello");
        });

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Log.Event(result.RunId, "PO1").Detail, Is.EqualTo("waiting for the invoice"));
            Assert.That(harness.Log.Event(result.RunId, "PO1").Outcome, Is.EqualTo(SyncOutcome.Skipped));
            Assert.That(harness.Log.Event(result.RunId, "PO2").Error, Is.EqualTo("rule: 20-shipped.csx(4,1): index out of range"));
            Assert.That(harness.Log.Event(result.RunId, "PO3").Outcome, Is.EqualTo(SyncOutcome.Updated));
            Assert.That(harness.Log.Event(result.RunId, "PO3").RulesVersion, Is.EqualTo("v2"));
        });
    }

    [Test]
    public async Task RunCycle_SourceFails_CycleCouldNotRunButWhatWasReadIsRecorded()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(5));
        harness.Source.Failure = new SyncException(FailureKind.Permission, "the integration user cannot read proc_po; grant it the proc_po read ACL");
        harness.Source.FailAfter = 2;

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.CouldRun, Is.False);
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("grant it the proc_po read ACL"));
            Assert.That(harness.Log.EventsOf(result.RunId), Has.Count.EqualTo(2));
            Assert.That(harness.Log.Summaries.Single().Error, Does.Contain("permission"));
        });
    }

    [Test]
    public async Task RunCycle_ActivityLogFails_CycleCouldNotRun()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(5));
        harness.Log.RecordFailure = new IOException("disk full");

        var result = await harness.RunAsync();

        Assert.That(result.CouldRun, Is.False);
        Assert.That(result.Error, Does.Contain("disk full"));
    }

    [Test]
    public async Task RunCycle_DuplicatePoFromSource_IsRecordedOnce()
    {
        var po = Some.PurchaseOrder("PO1");
        var harness = new PipelineHarness([po, Some.PurchaseOrder("PO2"), po]);

        var result = await harness.RunAsync();

        Assert.That(harness.Log.EventsOf(result.RunId).Count(e => e.PoNumber == "PO1"), Is.EqualTo(1));
    }

    [Test]
    public async Task RunCycle_Events_AreRecordedInFewCalls()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(40));

        await harness.RunAsync();

        Assert.That(harness.Log.EventCallSizes.Sum(), Is.EqualTo(40));
        Assert.That(harness.Log.EventCallSizes, Has.Count.InRange(1, 4), "40 POs in batches of 10 reach the log in at most 4 calls, not one each");
    }

    [Test]
    public async Task RunCycle_MalformedPoFromSource_FailsOnlyThatPo()
    {
        var broken = new PurchaseOrder("po-broken", "PO-BROKEN", null!, []);
        var harness = new PipelineHarness([Some.PurchaseOrder("PO1"), broken, Some.PurchaseOrder("PO2")]);

        var result = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.CouldRun, Is.True);
            Assert.That(harness.Log.Event(result.RunId, "PO-BROKEN").Outcome, Is.EqualTo(SyncOutcome.Failed));
            Assert.That(result.Counts.Updated, Is.EqualTo(2));
        });
    }
}
