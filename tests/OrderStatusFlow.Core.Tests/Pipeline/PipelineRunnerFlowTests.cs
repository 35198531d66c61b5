using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>Back-pressure and cancellation: how the graph behaves when a stage is slow or the process stops.</summary>
public sealed class PipelineRunnerFlowTests
{
    [Test]
    public async Task RunCycle_SlowWriter_HoldsBackTheSource()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(500), FakeStages.PipelineJson(parallelism: 2, boundedCapacity: 4, batchSize: 1));
        var gate = new Gate();
        harness.Writer.Gate = gate;

        var cycle = harness.Runner.RunCycleAsync();
        await Wait.UntilAsync(() => gate.Waiting == 1, "the writer to be busy");
        await WaitUntilStableAsync(() => harness.Source.YieldedCount);

        // head 4 + status 4 + rules 4 + batcher 1 + its output 1 + writer 64 (capacity counts POs) + a few in hand:
        // about 80, far below 500.
        var yielded = harness.Source.YieldedCount;
        Assert.That(yielded, Is.InRange(10, 100));
        Assert.That(cycle.IsCompleted, Is.False);

        gate.Open();
        var result = await Wait.ForAsync(cycle, "the cycle to finish once the writer is fast again");
        Assert.That(harness.Log.EventsOf(result.RunId), Has.Count.EqualTo(500));
        Assert.That(result.Counts.Updated, Is.EqualTo(500));
    }

    [Test]
    public async Task RunCycle_Cancelled_StopsFetchingAndRecordsWhatWasInFlight()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(200), FakeStages.PipelineJson(parallelism: 2, boundedCapacity: 4));
        var gate = new Gate();
        harness.Status.Gate = gate;
        using var stop = new CancellationTokenSource();

        var cycle = harness.Runner.RunCycleAsync(stop.Token);
        await Wait.UntilAsync(() => gate.Waiting == 2, "two status calls in flight");
        await WaitUntilStableAsync(() => harness.Source.YieldedCount);
        stop.Cancel();
        gate.Open();
        var result = await Wait.ForAsync(cycle, "the cycle to drain");

        var events = harness.Log.EventsOf(result.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(result.Cancelled, Is.True);
            Assert.That(harness.Source.YieldedCount, Is.LessThan(200));
            Assert.That(events, Has.Count.EqualTo(harness.Source.YieldedCount), "every PO read was recorded");
            Assert.That(events.Select(e => e.Outcome), Has.All.EqualTo(SyncOutcome.Updated), "in-flight POs finished normally");
            Assert.That(harness.Log.Summaries.Single().OrdersSeen, Is.EqualTo(events.Count));
        });
    }

    [Test]
    public async Task RunCycle_CancelledAndRemoteNeverAnswers_InFlightPosFailAfterTheDrainTimeout()
    {
        var harness = new PipelineHarness(Some.PurchaseOrders(50), FakeStages.PipelineJson(parallelism: 2, boundedCapacity: 4));
        harness.Status.Gate = new Gate(); // never opened
        using var stop = new CancellationTokenSource();

        var cycle = harness.Runner.RunCycleAsync(stop.Token);
        await Wait.UntilAsync(() => harness.Status.Gate.Waiting == 2, "two status calls in flight");
        stop.Cancel();
        harness.Time.Advance(TimeSpan.FromSeconds(21));
        var result = await Wait.ForAsync(cycle, "the cycle to give up on the in-flight calls");

        var events = harness.Log.EventsOf(result.RunId);
        Assert.That(events, Has.Count.EqualTo(harness.Source.YieldedCount));
        Assert.That(events.Select(e => e.Error), Has.All.Contains("the process stopped"));
    }

    // Polls until the value has not changed for a while: the graph is saturated and waiting.
    static async Task WaitUntilStableAsync(Func<int> value)
    {
        var last = -1;
        var stableFor = 0;
        await Wait.UntilAsync(() =>
        {
            var now = value();
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
            return stableFor >= 40;
        }, "the pipeline to stop taking POs");
    }
}
