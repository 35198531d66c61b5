using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Scheduling;

public sealed class CyclePlannerTests
{
    static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Plan_BudgetTooSmall_AskedForThenChangedThenMostOverdueAndLikelyFirst()
    {
        var pos = Some.PurchaseOrders(5);
        var states = new Dictionary<string, CheckState>
        {
            // BN1: due 10 min ago, back-ordered; BN2: due 10 min ago, released (more likely to change);
            // BN3: due 60 min ago, back-ordered (more overdue); BN4: changed in ServiceNow; BN5: asked for.
            [pos[0].SysId] = State(pos[0], -10, PoState.Backordered),
            [pos[1].SysId] = State(pos[1], -10, PoState.Released),
            [pos[2].SysId] = State(pos[2], -60, PoState.Backordered),
            [pos[3].SysId] = State(pos[3], +60, PoState.Accepted) with { FieldsHash = "stale" },
            [pos[4].SysId] = State(pos[4], +60, PoState.Accepted),
        };
        var budget = new RequestBudget(8, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

        var plan = CyclePlanner.Plan(pos, states, new CycleRequest { SyncNow = new HashSet<string> { pos[4].Number } }, "v1", Now, budget);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Check.Select(p => p.Number), Is.EqualTo(new[] { pos[4].Number, pos[3].Number, pos[2].Number, pos[1].Number }));
            Assert.That(plan.Summary.Backlog, Is.EqualTo(1));
            Assert.That(plan.Summary.Due, Is.EqualTo(5));
        });
    }

    // Whether the line search must read a touched PO's lines: only when a line change would change what the cycle
    // does with it. Each case is checked against Plan too, so the two cannot drift apart.
    [TestCase("left out by --po", false, false)]
    [TestCase("asked for", false, false)]
    [TestCase("new", false, false)]
    [TestCase("header changed", false, false)]
    [TestCase("due", false, false)]
    [TestCase("due", true, true)]
    [TestCase("rules changed, answer stored", false, true)]
    [TestCase("rules changed, no answer", false, false)]
    [TestCase("rules changed, no answer", true, true)]
    [TestCase("not due", false, true)]
    [TestCase("not due", true, true)]
    public void LinesDecide_OnlyWhenALineChangeWouldChangeWhatTheCycleDoes(string situation, bool budgeted, bool expected)
    {
        var po = Some.PurchaseOrders(1)[0];
        var state = State(po, +60, PoState.Accepted);
        var request = CycleRequest.Due;
        CheckState? known = situation switch
        {
            "left out by --po" => state,
            "asked for" => state,
            "new" => null,
            "header changed" => state with { FieldsHash = "stale" },
            "due" => State(po, -5, PoState.Accepted),
            "rules changed, answer stored" => state with { RulesVersion = "v0" },
            "rules changed, no answer" => state with { RulesVersion = "v0", HasAnswer = false },
            _ => state,
        };
        if (situation == "left out by --po")
            request = new CycleRequest { OnlyPoNumbers = new HashSet<string> { "another" } };
        if (situation == "asked for")
            request = new CycleRequest { SyncNow = new HashSet<string> { po.Number } };
        var states = known is null ? new Dictionary<string, CheckState>() : new Dictionary<string, CheckState> { [po.SysId] = known };
        RequestBudget? budget = budgeted ? new RequestBudget(100, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)) : null;

        var decides = CyclePlanner.LinesDecide(po, known, request, "v1", Now, budgeted);

        var lines = new HashSet<string> { po.SysId };
        var (without, with) = (CyclePlanner.Plan([po], states, request, "v1", Now, budget), CyclePlanner.Plan([po], states, request, "v1", Now, budget, lines));
        Assert.That(decides, Is.EqualTo(expected));
        if (!decides)
            Assert.That((with.Check.Count, with.Reevaluate.Count), Is.EqualTo((without.Check.Count, without.Reevaluate.Count)),
                "a PO whose lines do not decide is checked (or not) the same whatever they say");
        else if (!budgeted)
            Assert.That((with.Check.Count, with.Reevaluate.Count), Is.Not.EqualTo((without.Check.Count, without.Reevaluate.Count)),
                "without a budget, a PO whose lines decide is checked only when they changed");
    }

    static CheckState State(PurchaseOrder po, int dueInMinutes, PoState state) => new()
    {
        PoSysId = po.SysId,
        PoNumber = po.Number,
        NextCheckAt = Now.AddMinutes(dueInMinutes),
        FieldsHash = FieldsHash.Of(po),
        RulesVersion = "v1",
        LastState = state,
        HasAnswer = true,
    };
}
