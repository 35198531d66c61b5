using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>Every write the record system committed has its event: intents before sending, settled after a crash.</summary>
[TestFixture]
sealed class AuditTrailTests
{
    [Test]
    public async Task RunCycle_LogCannotRecordIntents_NothingIsSentAndTheCycleSaysWhy()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(4));
        harness.Status.Default = _ => Some.Shipped("T1");
        harness.Log.RecordFailure = new IOException("disk full");

        var result = await harness.RunAsync();

        Assert.That(harness.Writer.Updates, Is.Empty, "no write is sent that the log could not record first");
        Assert.That(result.CouldRun, Is.False);
        Assert.That(result.Error, Does.Contain("disk full"));
    }

    [Test]
    public async Task RunCycle_WritesSent_IntentsAreSettledByTheEvents()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(4));
        harness.Status.Default = _ => Some.Shipped("T1");

        var result = await harness.RunAsync();

        Assert.That(result.Counts.Updated, Is.EqualTo(4));
        Assert.That(harness.Log.OpenIntents, Is.Empty);
    }

    [Test]
    public async Task RunCycle_AfterACrashBetweenWriteAndEvent_CommittedWriteIsRecordedInTheCrashedRunAndTheRunClosed()
    {
        var po = Some.PurchaseOrder("PO1");
        var harness = new PipelineHarness([po]);
        var update = new StatusUpdate(po.SysId, po.Number, new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped" }, []);
        var crashed = await harness.Log.StartRunAsync(new RunStart("p", harness.Time.GetUtcNow(), "v1", false), CancellationToken.None);
        await harness.Log.RecordIntentsAsync([new WriteIntent(crashed, harness.Time.GetUtcNow(), update, update.ToFieldsJson("proc_po", "proc_po_item"))], CancellationToken.None);
        await harness.Writer.WriteBatchAsync([update], CancellationToken.None); // ServiceNow committed it; then the process died

        await harness.RunAsync();

        var recovered = harness.Log.EventsOf(crashed).Single();
        Assert.That(recovered.Outcome, Is.EqualTo(SyncOutcome.Updated));
        Assert.That(recovered.FieldsJson, Does.Contain("TDS Shipped"));
        Assert.That(harness.Log.OpenIntents, Is.Empty);
        Assert.That(harness.Log.Summaries.Single(s => s.RunId == crashed).Error, Does.StartWith("interrupted:"));
    }

    [Test]
    public async Task RunCycle_AfterACrashBeforeTheWriteCommitted_IntentIsRecordedAsFailedWithTheReason()
    {
        var po = Some.PurchaseOrder("PO1");
        var harness = new PipelineHarness([po]);
        var update = new StatusUpdate(po.SysId, po.Number, new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped" }, []);
        var crashed = await harness.Log.StartRunAsync(new RunStart("p", harness.Time.GetUtcNow(), "v1", false), CancellationToken.None);
        await harness.Log.RecordIntentsAsync([new WriteIntent(crashed, harness.Time.GetUtcNow(), update)], CancellationToken.None);

        await harness.RunAsync();

        var recovered = harness.Log.EventsOf(crashed).Single();
        Assert.That(recovered.Outcome, Is.EqualTo(SyncOutcome.Failed));
        Assert.That(recovered.Error, Does.Contain("stopped after sending"));
    }

    [Test]
    public async Task RunCycle_RecordWithoutNumber_FailsThatPoByItsSysIdAndTheOthersAreWritten()
    {
        var harness = new PipelineHarness([Some.PurchaseOrder("", sysId: "po-without-number"), .. Some.PurchaseOrders(3)]);
        harness.Status.Default = _ => Some.Shipped("T1");

        var result = await harness.RunAsync();

        Assert.That(result.CouldRun, Is.True, result.Error);
        var failed = harness.Log.EventsOf(result.RunId).Single(e => e.PoSysId == "po-without-number");
        Assert.That(failed.Outcome, Is.EqualTo(SyncOutcome.Failed));
        Assert.That(failed.Error, Does.Contain("empty number"));
        Assert.That(result.Counts.Updated, Is.EqualTo(3));
    }
}
