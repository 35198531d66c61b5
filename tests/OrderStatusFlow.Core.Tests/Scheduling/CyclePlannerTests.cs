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
