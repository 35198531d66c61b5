using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Core.Tests.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Scheduling;

/// <summary>A scheduled cycle without a budget asks TD SYNNEX about the first page of POs while later headers are still being read.</summary>
public sealed class PagedCyclePlanTests
{
    static (PipelineHarness Harness, InMemoryCheckSchedule Schedule, Func<HeldHeadersSource> Held) Harness(int count, int maxRequestsPerHour = 0)
    {
        HeldHeadersSource? held = null;
        var schedule = new InMemoryCheckSchedule();
        var harness = new PipelineHarness(Some.PurchaseOrders(count), schedule: schedule, maxRequestsPerHour: maxRequestsPerHour,
            wrapSource: source => held = new HeldHeadersSource(source, PagedCyclePlan.PageSize));
        harness.Rules.Current = new DelegateRuleSet("v1", (context, outcome) => outcome.CheckAgainAt(context.Now + TimeSpan.FromHours(1)));
        return (harness, schedule, () => held!);
    }

    /// <summary>Holds the headers after the first page until a status call of this cycle.</summary>
    static void HoldUntilTheFirstStatusCall(PipelineHarness harness, HeldHeadersSource held)
    {
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held.Released = firstCall.Task;
        harness.Status.Default = _ =>
        {
            firstCall.TrySetResult();
            return Some.OrderStatus();
        };
    }

    static Task<CycleResult> RunAsync(PipelineHarness harness) =>
        Wait.ForAsync(harness.Runner.RunCycleAsync(CycleRequest.Due, CancellationToken.None), "the cycle to finish", TimeSpan.FromSeconds(90));

    [Test]
    public async Task NewSchedule_TheFirstTdSynnexCallDoesNotWaitForEveryHeader()
    {
        const int count = PagedCyclePlan.PageSize + 5;
        var (harness, _, held) = Harness(count);
        HoldUntilTheFirstStatusCall(harness, held());

        var result = await RunAsync(harness);

        Assert.Multiple(() =>
        {
            Assert.That(held().AskedWhileReading, Is.True, "a PO of the first page was sent to TD SYNNEX before the next headers were read");
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(count), "every PO checked once");
            Assert.That(result.Schedule!.Open, Is.EqualTo(count));
            Assert.That(result.Schedule.Checked, Is.EqualTo(count));
            Assert.That(harness.Log.EventsOf(result.RunId), Has.Count.EqualTo(count));
        });
    }

    [Test]
    public async Task KnownSchedule_DuePosOfTheFirstPageAreAskedWhileLaterHeadersAreHeld()
    {
        const int count = 2 * PagedCyclePlan.PageSize + 5;
        var (harness, schedule, held) = Harness(count);
        await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromHours(2));
        HoldUntilTheFirstStatusCall(harness, held());

        var result = await RunAsync(harness);

        Assert.Multiple(() =>
        {
            Assert.That(held().AskedWhileReading, Is.True, "a due PO of the first page was sent to TD SYNNEX before the next headers were read");
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(2 * count), "every PO checked once per cycle");
            Assert.That(result.Schedule!.Open, Is.EqualTo(count));
            Assert.That(result.Schedule.Due, Is.EqualTo(count));
            Assert.That(result.Schedule.Checked, Is.EqualTo(count));
            Assert.That(schedule.Count, Is.EqualTo(count));
        });
    }

    [Test]
    public async Task KnownSchedule_APoWhoseLinesChangedOnALaterPage_IsChecked_AndTheLineSearchMovesOn()
    {
        const int count = 2 * PagedCyclePlan.PageSize + 5;
        var (harness, schedule, held) = Harness(count);
        await RunAsync(harness);
        var firstSearch = await schedule.GetLinesSearchedFromAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        // A person edits a line of the fourth PO; it comes back last in the read, on the third page.
        var before = harness.Source["BN0000004"];
        var line = before.Lines[0];
        var edited = new PurchaseOrder(before.SysId, before.Number, before.Fields,
            [new PurchaseOrderLine(line.SysId, new Dictionary<string, string>(line.Fields) { ["ordered_quantity"] = "999" }, line.Number), .. before.Lines.Skip(1)]);
        harness.Source.Remove(before.Number);
        harness.Source.Add(edited);
        held().Touched = new HashSet<string> { before.SysId, harness.Source["BN0000002"].SysId };

        var result = await RunAsync(harness);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Schedule!.Due, Is.EqualTo(1), "only the PO with the edited line is due; the other touched PO's lines are as stored");
            Assert.That(result.Schedule.ChangedInServiceNow, Is.EqualTo(1));
            Assert.That(harness.Status.CallsFor("BN0000004"), Is.EqualTo(2));
            Assert.That(held().SearchedSince, Is.EqualTo(firstSearch - new PipelineRunOptions().LineChangeMargin));
            Assert.That(await schedule.GetLinesSearchedFromAsync(CancellationToken.None), Is.EqualTo(harness.Time.GetUtcNow()),
                "every PO the search found was checked: the next search starts where this one did");
        });
    }

    [Test]
    public async Task KnownSchedule_TouchedPosThatAreDueAnyway_HaveTheirLinesReadOnceForTheCheck()
    {
        const int count = 10;
        var (harness, schedule, held) = Harness(count);
        await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromHours(2)); // every PO is due
        held().Touched = new HashSet<string> { harness.Source["BN0000002"].SysId, harness.Source["BN0000004"].SysId };
        held().ForgetLineReads();

        var result = await RunAsync(harness);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Schedule!.Checked, Is.EqualTo(count));
            Assert.That(held().LineReadsOf("BN0000002"), Is.EqualTo(1), "a due PO is checked whatever its lines: the search does not read them as well");
            Assert.That(held().LineReadsOf("BN0000004"), Is.EqualTo(1));
            Assert.That(await schedule.GetLinesSearchedFromAsync(CancellationToken.None), Is.EqualTo(harness.Time.GetUtcNow()),
                "both touched POs were checked: the next search starts where this one did");
        });
    }

    [Test]
    public async Task KnownSchedule_TouchedPosNotDue_HaveTheirLinesReadBySearch_AndOnlyTheChangedOneAgainForItsCheck()
    {
        const int count = 10;
        var (harness, _, held) = Harness(count);
        await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(10)); // none due
        EditALine(harness, "BN0000004");
        held().Touched = new HashSet<string> { harness.Source["BN0000002"].SysId, harness.Source["BN0000004"].SysId };
        held().ForgetLineReads();

        var result = await RunAsync(harness);

        Assert.Multiple(() =>
        {
            Assert.That(result.Schedule!.Checked, Is.EqualTo(1));
            Assert.That(held().LineReadsOf("BN0000002"), Is.EqualTo(1), "read by the search, found as stored, left alone");
            Assert.That(held().LineReadsOf("BN0000004"), Is.EqualTo(2), "read by the search, then for its check");
            Assert.That(held().LineReadsOf("BN0000005"), Is.EqualTo(0), "not touched, not due: never read");
        });
    }

    [Test]
    public async Task OnePoAskedFor_ATouchedPoLeftOut_IsNotRead_AndTheNextScheduledCycleStillFindsItsEdit()
    {
        const int count = 10;
        var (harness, schedule, held) = Harness(count);
        await RunAsync(harness);
        var firstSearch = await schedule.GetLinesSearchedFromAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        EditALine(harness, "BN0000004");
        held().Touch(harness.Time.GetUtcNow(), harness.Source["BN0000004"].SysId);
        held().ForgetLineReads();
        // Later than the search margin: had the --po run moved the search's start, the next search would not find the edit.
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var only = await Wait.ForAsync(harness.Runner.RunCycleAsync(new CycleRequest { OnlyPoNumbers = new HashSet<string> { "BN0000003" } }, CancellationToken.None),
            "the --po cycle to finish");

        Assert.Multiple(async () =>
        {
            Assert.That(only.Schedule!.Checked, Is.EqualTo(1));
            Assert.That(held().LineReadsOf("BN0000004"), Is.EqualTo(0), "a PO the request leaves out is not read by the search");
            Assert.That(await schedule.GetLinesSearchedFromAsync(CancellationToken.None), Is.EqualTo(firstSearch),
                "its edit is not known yet: the next search starts where this one did");
        });

        var next = await RunAsync(harness);

        Assert.Multiple(() =>
        {
            Assert.That(next.Schedule!.ChangedInServiceNow, Is.EqualTo(1));
            Assert.That(harness.Status.CallsFor("BN0000004"), Is.EqualTo(2), "checked for its edited line");
        });
    }

    [Test]
    public async Task Budgeted_APoWithChangedLinesLeftInTheBacklog_IsMarkedChanged_TheSearchMovesOn_AndItIsCheckedWhenTheBudgetAllows()
    {
        // 6 calls an hour: the first cycle checks all 3 POs (one call each), leaving room for one more check (2 calls reserved) per hour window.
        // Next checks 3 hours on, so no PO comes due by time during the test.
        var (harness, schedule, held) = Harness(3, maxRequestsPerHour: 6);
        harness.Rules.Current = new DelegateRuleSet("v1", (context, outcome) => outcome.CheckAgainAt(context.Now + TimeSpan.FromHours(3)));
        await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        EditALine(harness, "BN0000002");
        EditALine(harness, "BN0000003");
        held().Touch(harness.Time.GetUtcNow(), harness.Source["BN0000002"].SysId, harness.Source["BN0000003"].SysId);
        harness.Time.Advance(TimeSpan.FromMinutes(5)); // later than the search margin: a search from this cycle's start will not see the edits

        var second = await RunAsync(harness);
        var (checkedFirst, waiting) = harness.Status.CallsFor("BN0000002") == 2 ? ("BN0000002", "BN0000003") : ("BN0000003", "BN0000002");
        var waitingState = (await schedule.LoadAsync(CancellationToken.None))[harness.Source[waiting].SysId];

        Assert.Multiple(async () =>
        {
            Assert.That((second.Schedule!.Checked, second.Schedule.Backlog), Is.EqualTo((1, 1)), "both changed, room for one");
            Assert.That(harness.Status.CallsFor(checkedFirst), Is.EqualTo(2));
            Assert.That(waitingState.FieldsHash, Is.EqualTo(FieldsHash.ChangedMark), "the one left waiting is marked changed");
            Assert.That(await schedule.GetLinesSearchedFromAsync(CancellationToken.None), Is.EqualTo(harness.Time.GetUtcNow()),
                "the search moves on: it does not have to find the waiting PO again");
        });

        // The hour that held the first cycle's calls has passed; the waiting PO is not due by time (3 hours).
        harness.Time.Advance(TimeSpan.FromMinutes(55));
        var third = await RunAsync(harness);

        Assert.Multiple(() =>
        {
            Assert.That(held().SearchedSince, Is.GreaterThan(held().TouchedAt), "the third search starts after the edits");
            Assert.That(third.Schedule!.ChangedInServiceNow, Is.EqualTo(1));
            Assert.That(harness.Status.CallsFor(waiting), Is.EqualTo(2), "checked as changed although no search found it again");
            Assert.That(harness.Status.CallsFor(checkedFirst), Is.EqualTo(2), "the other is not due");
        });
    }

    [Test]
    public async Task Budgeted_CheckAllWithABacklog_MarksOnlyTheWaitingPoWhoseLinesChanged()
    {
        var (harness, schedule, held) = Harness(3, maxRequestsPerHour: 6);
        await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        EditALine(harness, "BN0000003");
        // BN0000002 was touched (say by the connector's own write) but its lines are as stored.
        held().Touched = new HashSet<string> { harness.Source["BN0000002"].SysId, harness.Source["BN0000003"].SysId };

        var all = await Wait.ForAsync(harness.Runner.RunCycleAsync(CycleRequest.All, CancellationToken.None), "the check-all cycle to finish");
        var states = await schedule.LoadAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((all.Schedule!.Checked, all.Schedule.Backlog), Is.EqualTo((1, 2)), "room for one of three");
            Assert.That(harness.Status.CallsFor("BN0000001"), Is.EqualTo(2), "asked for all: the first in order goes first");
            Assert.That(states[harness.Source["BN0000003"].SysId].FieldsHash, Is.EqualTo(FieldsHash.ChangedMark), "its lines changed: kept for later");
            Assert.That(states[harness.Source["BN0000002"].SysId].FieldsHash, Is.Not.EqualTo(FieldsHash.ChangedMark), "its lines are as stored: not marked");
            Assert.That(await schedule.GetLinesSearchedFromAsync(CancellationToken.None), Is.EqualTo(harness.Time.GetUtcNow()));
        });
    }

    static void EditALine(PipelineHarness harness, string number)
    {
        var before = harness.Source[number];
        var line = before.Lines[0];
        var edited = new PurchaseOrder(before.SysId, before.Number, before.Fields,
            [new PurchaseOrderLine(line.SysId, new Dictionary<string, string>(line.Fields) { ["ordered_quantity"] = "999" }, line.Number), .. before.Lines.Skip(1)]);
        harness.Source.Remove(before.Number);
        harness.Source.Add(edited);
    }

    /// <summary>Yields the first headers, then holds the rest until <see cref="Released"/> (or 30 s, which fails the test); answers the line search with <see cref="Touched"/>.</summary>
    sealed class HeldHeadersSource(InMemoryOrderSource inner, int first) : IOrderSource
    {
        public Task Released { get; set; } = Task.CompletedTask;

        public bool AskedWhileReading { get; private set; }

        public IReadOnlySet<string>? Touched { get; set; }

        /// <summary>When the <see cref="Touched"/> POs' lines were updated: a search from later does not return them (MaxValue: every search does).</summary>
        public DateTimeOffset TouchedAt { get; set; } = DateTimeOffset.MaxValue;

        public void Touch(DateTimeOffset at, params string[] sysIds)
        {
            Touched = new HashSet<string>(sysIds);
            TouchedAt = at;
        }

        public DateTimeOffset? SearchedSince { get; private set; }

        public IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync(CancellationToken cancellationToken) => inner.ReadOpenOrdersAsync(cancellationToken);

        public async IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var index = 0;
            await foreach (var po in inner.ReadOpenOrdersAsync(cancellationToken))
            {
                if (index++ == first)
                {
                    await Task.WhenAny(Released, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                    AskedWhileReading = Released.IsCompleted;
                }
                yield return po;
            }
        }

        readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _lineReads = new(StringComparer.Ordinal);

        /// <summary>How often the lines of each PO (by number) were asked for, by the line search and for checks alike.</summary>
        public int LineReadsOf(string number) => _lineReads.GetValueOrDefault(number);

        public void ForgetLineReads() => _lineReads.Clear();

        public IAsyncEnumerable<PurchaseOrder> ReadLinesAsync(IReadOnlyList<PurchaseOrder> headers, CancellationToken cancellationToken)
        {
            foreach (var po in headers)
                _lineReads.AddOrUpdate(po.Number, 1, (_, n) => n + 1);
            return headers.ToAsyncEnumerable();
        }

        public Task<IReadOnlySet<string>?> FindPosWithLinesUpdatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
        {
            SearchedSince = since;
            return Task.FromResult(Touched is null || since <= TouchedAt ? Touched : new HashSet<string>());
        }
    }
}
