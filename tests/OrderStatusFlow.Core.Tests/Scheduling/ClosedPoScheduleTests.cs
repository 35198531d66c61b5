using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Tests.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Scheduling;

/// <summary>The schedule does not grow with POs that are no longer open: a complete read without them forgets them.</summary>
public sealed class ClosedPoScheduleTests
{
    static (PipelineHarness Harness, InMemoryCheckSchedule Schedule) Harness(int count)
    {
        var schedule = new InMemoryCheckSchedule();
        var harness = new PipelineHarness(Some.PurchaseOrders(count), schedule: schedule);
        harness.Rules.Current = new DelegateRuleSet("v1", (context, outcome) => outcome.CheckAgainAt(context.Now + TimeSpan.FromHours(1)));
        return (harness, schedule);
    }

    [Test]
    public async Task APoNoLongerOpen_IsForgottenWithItsStoredAnswer_AndIsNewIfItComesBack()
    {
        var (harness, schedule) = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        var closed = harness.Source["BN0000003"];
        Assert.That(harness.Source.Remove("BN0000003"), Is.True);

        await harness.RunAsync(CycleRequest.Due);

        var states = await schedule.LoadAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(states.Keys, Is.EquivalentTo(harness.Source.Orders.Select(o => o.SysId)));
            Assert.That(await schedule.GetLastAnswerAsync(closed.SysId, CancellationToken.None), Is.Null);
        });

        harness.Source.Add(closed);
        var back = await harness.RunAsync(CycleRequest.Due);
        Assert.Multiple(() =>
        {
            Assert.That(back.Schedule!.Due, Is.EqualTo(1), "only the PO that came back is due: it is new to the schedule");
            Assert.That(harness.Status.CallsFor("BN0000003"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task AReadThatFindsNoOpenPo_ForgetsNothing()
    {
        var (harness, schedule) = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        foreach (var po in harness.Source.Orders)
            harness.Source.Remove(po.Number);

        await harness.RunAsync(CycleRequest.Due);

        Assert.That(schedule.Count, Is.EqualTo(3), "an empty read (a query or permission problem, most likely) must not wipe the schedule");
    }

    [Test]
    public async Task AReadThatFailsPartWay_ForgetsNothing()
    {
        var (harness, schedule) = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        harness.Source.Remove("BN0000003");
        harness.Source.Failure = new SyncException(FailureKind.Transient, "ServiceNow timed out after 3 attempts");
        harness.Source.FailAfter = 1;

        var failed = await harness.RunAsync(CycleRequest.Due);

        Assert.Multiple(() =>
        {
            Assert.That(failed.CouldRun, Is.False, "the cycle reports the failed read");
            Assert.That(schedule.Count, Is.EqualTo(3), "POs missing from an incomplete read are not known to be closed");
        });
    }
}
