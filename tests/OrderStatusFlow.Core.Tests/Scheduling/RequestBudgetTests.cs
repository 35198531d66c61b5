using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Core.Tests.Scheduling;

public sealed class RequestBudgetTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void TryTake_MoreThanTheHourlyMaximum_RefusesUntilTheOldestCallsLeaveTheWindow()
    {
        var budget = new RequestBudget(10, _time);
        for (var i = 0; i < 5; i++)
        {
            Assert.That(budget.TryTake(2), Is.Not.Null, $"reservation {i + 1} fits");
            _time.Advance(TimeSpan.FromMinutes(10));
        }
        Assert.That(budget.TryTake(1), Is.Null, "10 calls in the last hour");

        _time.Advance(TimeSpan.FromMinutes(10)); // the first reservation is now an hour old
        Assert.Multiple(() =>
        {
            Assert.That(budget.TryTake(2), Is.Not.Null);
            Assert.That(budget.TryTake(1), Is.Null);
            Assert.That(budget.PeakInWindow, Is.EqualTo(10));
        });
    }

    [Test]
    public void Settle_UnusedCalls_AreGivenBackAtOnce()
    {
        var budget = new RequestBudget(4, _time);
        var first = budget.TryTake(2)!;
        var second = budget.TryTake(2)!;
        Assert.That(budget.TryTake(1), Is.Null);

        budget.Settle(first, 1);
        budget.Settle(second, 0);

        Assert.Multiple(() =>
        {
            Assert.That(budget.InWindow, Is.EqualTo(1));
            Assert.That(budget.TryTake(3), Is.Not.Null);
            Assert.That(budget.TryTake(1), Is.Null);
        });
    }

    [Test]
    public void TryTake_NoLimit_AlwaysFits()
    {
        var budget = new RequestBudget(0, _time);
        for (var i = 0; i < 1000; i++)
            Assert.That(budget.TryTake(2), Is.Not.Null);
    }
}
