using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Tests.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Scheduling;

/// <summary>A cycle with a schedule handles only what is due, within the budget, and re-evaluates on a rule change without asking TD SYNNEX.</summary>
public sealed class ScheduledCycleTests
{
    InMemoryCheckSchedule _schedule = new();

    PipelineHarness Harness(int count, int maxRequestsPerHour = 0, TimeSpan? checkAgainIn = null)
    {
        _schedule = new InMemoryCheckSchedule(); // NUnit shares one fixture instance between tests
        var harness = new PipelineHarness(Some.PurchaseOrders(count), schedule: _schedule, maxRequestsPerHour: maxRequestsPerHour);
        var wait = checkAgainIn ?? TimeSpan.FromHours(1);
        harness.Rules.Current = new DelegateRuleSet("v1", (context, outcome) =>
        {
            outcome.SetPo("u_tds_order_status", "TDS Accepted");
            outcome.CheckAgainAt(context.Now + wait);
            outcome.CheckAgainAt(context.Now + wait + wait); // later requests lose to the earliest
        });
        return harness;
    }

    [Test]
    public async Task ACheckedPo_IsAskedAgainOnlyWhenTheRulesSaid()
    {
        var harness = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        Assert.That(harness.Status.TotalCalls, Is.EqualTo(3), "never seen: due");

        harness.Time.Advance(TimeSpan.FromMinutes(59));
        var quiet = await harness.RunAsync(CycleRequest.Due);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(3), "not due before the hour the rules asked for");
            Assert.That(quiet.Schedule!.Due, Is.Zero);
            Assert.That(quiet.Schedule.Open, Is.EqualTo(3));
        });

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunAsync(CycleRequest.Due);
        Assert.That(harness.Status.TotalCalls, Is.EqualTo(6), "due after an hour (the earliest request), not two");
    }

    [Test]
    public async Task RunOnce_ChecksEveryOpenPoWhateverItsNextCheckTime()
    {
        var harness = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        var once = await harness.RunAsync(CycleRequest.All);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(6));
            Assert.That(once.Schedule!.Checked, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task OnlyPoNumbers_ChecksThosePosAndLeavesTheOthersAlone()
    {
        var harness = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        var result = await harness.RunAsync(new CycleRequest { OnlyPoNumbers = new HashSet<string> { "BN0000002" } });
        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.CallsFor("BN0000002"), Is.EqualTo(2));
            Assert.That(harness.Status.CallsFor("BN0000001"), Is.EqualTo(1));
            Assert.That(harness.Log.EventsOf(result.RunId), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task APoChangedInServiceNow_IsDueAtOnce()
    {
        var harness = Harness(3);
        await harness.RunAsync(CycleRequest.Due);
        var po = harness.Source["BN0000003"];
        harness.Source.Apply(new StatusUpdate(po.SysId, po.Number, new Dictionary<string, string> { ["status"] = "ordered-again" }, []));

        var result = await harness.RunAsync(CycleRequest.Due);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.CallsFor("BN0000003"), Is.EqualTo(2));
            Assert.That(harness.Status.CallsFor("BN0000001"), Is.EqualTo(1), "its own write did not make a PO look changed");
            Assert.That(result.Schedule!.ChangedInServiceNow, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ANewRuleSet_ReevaluatesEveryPoFromTheStoredAnswerWithoutAskingTdSynnex()
    {
        var harness = Harness(4);
        harness.Status.Returns("BN0000002", Some.Shipped("1Z999"));
        await harness.RunAsync(CycleRequest.Due);
        harness.Rules.Current = new DelegateRuleSet("v2", (context, outcome) =>
            outcome.SetPo("u_tds_order_status", context.Status.State == PoState.Shipped ? "TDS Shipped (v2)" : "TDS Accepted (v2)"));
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await harness.RunAsync(CycleRequest.Due);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(4), "no TD SYNNEX call for the re-evaluation");
            Assert.That(result.Schedule!.Reevaluated, Is.EqualTo(4));
            Assert.That(harness.Source["BN0000002"]["u_tds_order_status"], Is.EqualTo("TDS Shipped (v2)"), "evaluated from the stored shipped answer");
            Assert.That(harness.Source["BN0000001"]["u_tds_order_status"], Is.EqualTo("TDS Accepted (v2)"));
        });
        var again = await harness.RunAsync(CycleRequest.Due);
        Assert.That(again.Schedule!.Reevaluated, Is.Zero, "once per rule set");
    }

    [Test]
    public async Task MoreDueThanTheBudget_TheRestWaitsInTheBacklogAndTheHourlyMaximumHolds()
    {
        var harness = Harness(10, maxRequestsPerHour: 8, checkAgainIn: TimeSpan.FromMinutes(5));
        var first = await harness.RunAsync(CycleRequest.Due);
        Assert.Multiple(() =>
        {
            Assert.That(first.Schedule!.Checked, Is.EqualTo(4), "two calls reserved per PO");
            Assert.That(first.Schedule.Backlog, Is.EqualTo(6));
            Assert.That(harness.Budget!.InWindow, Is.EqualTo(4), "the unused invoice reservations came back");
        });

        for (var i = 0; i < 11; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            await harness.RunAsync(CycleRequest.All); // even "check everything" stays within the budget
        }
        Assert.Multiple(() =>
        {
            Assert.That(harness.Status.TotalCalls, Is.LessThanOrEqualTo(8), "an hour of cycles, at most 8 calls");
            Assert.That(harness.Budget!.PeakInWindow, Is.LessThanOrEqualTo(8));
        });
    }

    [Test]
    public async Task RepeatedFailures_BackOffDoublingFromTheConfiguredWait()
    {
        var harness = Harness(1);
        harness.Status.Throws("BN0000001", new SyncException(FailureKind.Transient, "Server.Timeout"));
        await harness.RunAsync(CycleRequest.Due);
        var after1 = (await _schedule.LoadAsync(CancellationToken.None)).Values.Single();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.RunAsync(CycleRequest.Due);
        var after2 = (await _schedule.LoadAsync(CancellationToken.None)).Values.Single();

        Assert.Multiple(() =>
        {
            Assert.That(after1.NextCheckAt - after1.LastCheckedAt, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(after2.NextCheckAt - after2.LastCheckedAt, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(after2.ConsecutiveFailures, Is.EqualTo(2));
        });
    }
}
