using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>The pipeline file's activityLog.recordUnchanged and activityLog.retention, as a cycle applies them.</summary>
public sealed class ActivityLogOptionsCycleTests
{
    static string WithLog(string activityLog) =>
        FakeStages.PipelineJson().Replace("\"activityLog\": { \"path\": \"data/activity.db\" }", "\"activityLog\": " + activityLog, StringComparison.Ordinal);

    [Test]
    public void Load_NoOptions_DefaultsToNoUnchangedEventsAndNinetyDays()
    {
        var harness = new PipelineHarness([]);

        Assert.That((harness.Definition.ActivityLog.RecordUnchanged, harness.Definition.ActivityLog.Retention), Is.EqualTo((false, TimeSpan.FromDays(90))));
    }

    [Test]
    public async Task RunCycle_Default_UnchangedPosAreStateOnlyOthersAreEvents()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(5));
        var first = await harness.RunAsync();

        var second = await harness.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Log.EventsOf(first.RunId).Select(e => (e.Outcome, e.StateOnly)), Has.All.EqualTo((SyncOutcome.Updated, false)));
            Assert.That(harness.Log.EventsOf(second.RunId).Select(e => (e.Outcome, e.StateOnly)), Has.All.EqualTo((SyncOutcome.Unchanged, true)));
            Assert.That(harness.Log.Summaries[1].OrdersUnchanged, Is.EqualTo(5), "the run keeps the unchanged count without the events");
            Assert.That(harness.Log.Summaries[1].OrdersSeen, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task RunCycle_RecordUnchanged_UnchangedPosAreEvents()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(3), WithLog("""{ "path": "a.db", "recordUnchanged": true }"""));
        await harness.RunAsync();

        var second = await harness.RunAsync();

        Assert.That(harness.Log.EventsOf(second.RunId).Select(e => (e.Outcome, e.StateOnly)), Has.All.EqualTo((SyncOutcome.Unchanged, false)));
    }

    [Test]
    public async Task RunCycle_AfterEachCycle_AsksTheLogForTheConfiguredRetention()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(2), WithLog("""{ "path": "a.db", "retention": "30.00:00:00" }"""));

        await harness.RunAsync();
        await harness.RunAsync();

        Assert.That(harness.Log.RetentionRequests, Is.EqualTo(new[] { TimeSpan.FromDays(30), TimeSpan.FromDays(30) }));
    }
}
