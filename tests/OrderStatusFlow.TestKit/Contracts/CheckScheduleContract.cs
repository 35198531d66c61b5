using NUnit.Framework;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit.Contracts;

/// <summary>
/// What every <see cref="ICheckSchedule"/> promises (see its documentation): what is recorded comes back, stored
/// answers are read in bulk (POs without one left out), forgotten POs are unknown with their answer gone, and the
/// start of the next line search is kept. Subclass once per implementation: in memory and the SQLite file.
/// </summary>
public abstract class CheckScheduleContract
{
    static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty schedule; disposed by the subclass's teardown if it needs it.</summary>
    protected abstract Task<ICheckSchedule> CreateAsync();

    static OrderStatus Answer(string shipDate) => new()
    {
        HeaderCode = "accepted",
        State = PoState.Shipped,
        OrderedQuantity = 2,
        ShippedQuantity = 2,
        ShipDate = shipDate,
        Lines = [new LineStatus { LineNumber = "1", PoLineSysId = "ln1", State = LineState.Shipped, OrderedQuantity = 2, ShippedQuantity = 2 }],
    };

    static CheckRecord Record(string sysId, OrderStatus? answer = null) => new()
    {
        PoSysId = sysId,
        PoNumber = "PO-" + sysId,
        At = T0,
        Asked = answer is not null,
        NextCheckAt = T0.AddHours(1),
        FieldsHash = "fields-" + sysId,
        LinesHash = "lines-" + sysId,
        RulesVersion = "rules-1",
        State = answer?.State,
        Answer = answer,
    };

    [Test]
    public async Task Record_ThenLoad_KeepsTheFieldAndLineDigests()
    {
        var schedule = await CreateAsync();

        await schedule.RecordAsync([Record("a", Answer("2026-11-26"))], CancellationToken.None);
        var state = (await schedule.LoadAsync(CancellationToken.None))["a"];

        Assert.Multiple(() =>
        {
            Assert.That(state.FieldsHash, Is.EqualTo("fields-a"));
            Assert.That(state.LinesHash, Is.EqualTo("lines-a"));
            Assert.That(state.NextCheckAt, Is.EqualTo(T0.AddHours(1)));
            Assert.That(state.HasAnswer, Is.True);
        });
    }

    [Test]
    public async Task GetLastAnswers_ForMorePosThanOneQueryHolds_ReturnsEachPosOwnAnswer_AndLeavesOutPosWithoutOne()
    {
        var schedule = await CreateAsync();
        var ids = Enumerable.Range(0, 1_001).Select(i => $"po{i:D5}").ToList();
        await schedule.RecordAsync([.. ids.Select((id, i) => Record(id, i % 3 == 0 ? null : Answer($"2026-11-{1 + i % 28:D2}")))], CancellationToken.None);

        var found = await schedule.GetLastAnswersAsync([.. ids, "never-recorded"], CancellationToken.None);

        var expected = ids.Select((id, i) => (id, i)).Where(p => p.i % 3 != 0).ToDictionary(p => p.id, p => $"2026-11-{1 + p.i % 28:D2}");
        Assert.Multiple(() =>
        {
            Assert.That(found.Answers.Keys, Is.EquivalentTo(expected.Keys));
            Assert.That(found.Answers.ToDictionary(a => a.Key, a => a.Value.ShipDate), Is.EquivalentTo(expected));
            Assert.That(found.Unreadable, Is.Empty);
        });
    }

    [Test]
    public async Task GetLastAnswers_NoPos_ReturnsNothing()
    {
        var schedule = await CreateAsync();

        var found = await schedule.GetLastAnswersAsync([], CancellationToken.None);

        Assert.That(found.Answers, Is.Empty);
    }

    [Test]
    public async Task Forget_DropsTheStateAndTheStoredAnswer_AndKeepsTheOtherPos()
    {
        var schedule = await CreateAsync();
        await schedule.RecordAsync([Record("closed", Answer("2026-11-20")), Record("open", Answer("2026-11-21"))], CancellationToken.None);

        await schedule.ForgetAsync(["closed", "unknown"], CancellationToken.None);

        var states = await schedule.LoadAsync(CancellationToken.None);
        var answers = await schedule.GetLastAnswersAsync(["closed", "open"], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(states.Keys, Is.EquivalentTo(new[] { "open" }));
            Assert.That(answers.Answers.Keys, Is.EquivalentTo(new[] { "open" }));
            Assert.That(schedule.GetLastAnswerAsync("closed", CancellationToken.None).Result, Is.Null);
        });
    }

    [Test]
    public async Task Forget_ThenRecordAgain_KnowsThePoAgain()
    {
        var schedule = await CreateAsync();
        await schedule.RecordAsync([Record("back", Answer("2026-11-20"))], CancellationToken.None);
        await schedule.ForgetAsync(["back"], CancellationToken.None);

        await schedule.RecordAsync([Record("back")], CancellationToken.None);

        var state = (await schedule.LoadAsync(CancellationToken.None))["back"];
        Assert.Multiple(() =>
        {
            Assert.That(state.FieldsHash, Is.EqualTo("fields-back"));
            Assert.That(state.HasAnswer, Is.False, "the forgotten answer does not come back");
        });
    }

    [Test]
    public async Task MarkChanged_TheMarkedPoCountsAsChangedUntilRecordedAgain_EverythingElseKept()
    {
        var schedule = await CreateAsync();
        await schedule.RecordAsync([Record("a", Answer("2026-11-20")) with { ConsecutiveFailures = 2 }, Record("b"), Record("gone")], CancellationToken.None);
        await schedule.ForgetAsync(["gone"], CancellationToken.None);

        await schedule.MarkChangedAsync(["a", "unknown", "gone"], CancellationToken.None);
        var marked = await schedule.LoadAsync(CancellationToken.None);
        await schedule.RecordAsync([Record("a") with { FieldsHash = "fields-a2" }], CancellationToken.None);
        var recorded = (await schedule.LoadAsync(CancellationToken.None))["a"];

        Assert.Multiple(() =>
        {
            Assert.That(marked.Keys, Is.EquivalentTo(new[] { "a", "b" }), "an unknown PO is not added, a forgotten one not brought back");
            Assert.That(marked["a"].FieldsHash, Is.EqualTo(FieldsHash.ChangedMark));
            Assert.That((marked["a"].LinesHash, marked["a"].NextCheckAt, marked["a"].HasAnswer, marked["a"].RulesVersion, marked["a"].ConsecutiveFailures),
                Is.EqualTo(("lines-a", (DateTimeOffset?)T0.AddHours(1), true, "rules-1", 2)));
            Assert.That(marked["b"].FieldsHash, Is.EqualTo("fields-b"));
            Assert.That(recorded.FieldsHash, Is.EqualTo("fields-a2"), "the next check stores the digest again");
        });
    }

    [Test]
    public async Task LinesSearchedFrom_IsNullUntilSet_ThenTheLastTimeSet()
    {
        var schedule = await CreateAsync();

        var before = await schedule.GetLinesSearchedFromAsync(CancellationToken.None);
        await schedule.SetLinesSearchedFromAsync(T0, CancellationToken.None);
        await schedule.SetLinesSearchedFromAsync(T0.AddMinutes(5), CancellationToken.None);
        var after = await schedule.GetLinesSearchedFromAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Null);
            Assert.That(after, Is.EqualTo(T0.AddMinutes(5)));
        });
    }
}
