using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Emulators.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>The emulated Batch API's per-item latency: n items take n × the configured step, not n × a timer tick.</summary>
public class ItemPacerTests
{
    static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    [Test]
    public void EachItemWaitsUntilItsOwnDueTime()
    {
        var time = new FakeTimeProvider();
        var pacer = new ItemPacer(Step, time);

        var first = pacer.NextAsync();
        Assert.That(first.IsCompleted, Is.False, "the first item is due one step after the start");
        time.Advance(Step);
        Assert.That(first.IsCompletedSuccessfully, Is.True);

        var second = pacer.NextAsync();
        Assert.That(second.IsCompleted, Is.False, "the second item is due two steps after the start");
        time.Advance(Step);
        Assert.That(second.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void AWaitThatOvershoots_IsMadeUpByTheNextItems()
    {
        var time = new FakeTimeProvider();
        var pacer = new ItemPacer(Step, time);

        var first = pacer.NextAsync();
        // The timer fired late: 4 steps in instead of 1, as a 4 ms timer tick does to a 1 ms delay.
        time.Advance(Step * 4);
        Assert.That(first.IsCompletedSuccessfully, Is.True);

        // Items 2, 3 and 4 were due by then, so they start at once; item 5 waits for its own due time.
        for (var item = 2; item <= 4; item++)
            Assert.That(pacer.NextAsync().IsCompletedSuccessfully, Is.True, $"item {item} is already due");
        var fifth = pacer.NextAsync();
        Assert.That(fifth.IsCompleted, Is.False, "item 5 is due 5 steps after the start");
        time.Advance(Step);
        Assert.That(fifth.IsCompletedSuccessfully, Is.True);
    }
}
