using OrderStatusFlow.TdSynnex.Interpretation;

namespace OrderStatusFlow.TdSynnex.Tests.Interpretation;

public sealed class InvoiceFallbackClockTests
{
    static readonly DateTimeOffset Shipped = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void IsDue_NeverAsked_CountsFromTheShipDate()
    {
        var clock = new InvoiceFallbackClock(TimeSpan.FromDays(1));

        Assert.That(clock.IsDue("po1", Shipped, Shipped.AddHours(23.9)), Is.False);
        Assert.That(clock.IsDue("po1", Shipped, Shipped.AddDays(1)), Is.True);
    }

    [Test]
    public void IsDue_NoShipDate_DueAtOnce() =>
        Assert.That(new InvoiceFallbackClock(TimeSpan.FromDays(1)).IsDue("po1", null, Shipped), Is.True);

    [Test]
    public void Asked_RestartsTheIntervalForThatPoOnly()
    {
        var clock = new InvoiceFallbackClock(TimeSpan.FromDays(1));
        var asked = Shipped.AddDays(3);

        clock.Asked("po1", asked);

        Assert.That(clock.IsDue("po1", Shipped, asked.AddHours(23)), Is.False);
        Assert.That(clock.IsDue("po1", Shipped, asked.AddDays(1)), Is.True);
        Assert.That(clock.IsDue("po2", Shipped, asked.AddHours(1)), Is.True, "another PO shipped days ago");
    }

    [Test]
    public void IsDue_ZeroInterval_EveryCheck()
    {
        var clock = new InvoiceFallbackClock(TimeSpan.Zero);
        clock.Asked("po1", Shipped);

        Assert.That(clock.IsDue("po1", Shipped, Shipped), Is.True);
        Assert.That(clock.Count, Is.Zero);
    }

    [Test]
    public void Asked_DropsEntriesOlderThanTheIntervalWithoutChangingWhatIsDue()
    {
        var clock = new InvoiceFallbackClock(TimeSpan.FromDays(1));
        clock.Asked("old", Shipped);
        clock.Asked("recent", Shipped.AddDays(1.5));

        clock.Asked("now", Shipped.AddDays(2));

        Assert.That(clock.Count, Is.EqualTo(2), "the entry asked two days ago is dropped");
        Assert.That(clock.IsDue("old", Shipped, Shipped.AddDays(2)), Is.True);
        Assert.That(clock.IsDue("recent", Shipped, Shipped.AddDays(2)), Is.False);
    }

    [Test]
    public void Clear_ForgetsEveryPo()
    {
        var clock = new InvoiceFallbackClock(TimeSpan.FromDays(1));
        clock.Asked("po1", Shipped.AddDays(5));

        clock.Clear();

        Assert.That(clock.IsDue("po1", Shipped, Shipped.AddDays(5).AddMinutes(5)), Is.True);
    }
}
