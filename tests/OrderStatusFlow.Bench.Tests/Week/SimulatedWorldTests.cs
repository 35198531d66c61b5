using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Bench.Week;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Bench.Tests.Week;

/// <summary>The simulated TD SYNNEX of <c>bench week</c> asks the invoice query when the connector's provider would.</summary>
public sealed class SimulatedWorldTests
{
    [Test]
    public void Answer_ShippedNotInvoiced_InvoiceQueryOnlyWhenTheFallbackIsDueThenAtOnceWhenInvoiced()
    {
        var scripts = WorldGenerator.Generate(200, 7, 14);
        var script = scripts.First(s => s.LineCount == 1 && s.CancelAt is null && ShipAt(s) is { } ship && ship > WeekRun.Start
            && s.EndsAt > ShipDay(ship) + TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        var shipped = ShipAt(script)!.Value;
        var fallbackDue = ShipDay(shipped) + TimeSpan.FromDays(1); // invoiceFallback (one day) from the ship date
        var time = new FakeTimeProvider(shipped + TimeSpan.FromMinutes(1));
        var world = new SimulatedWorld(scripts, time);
        world.OpenRecords();
        var po = world.Record(script.SysId);

        var first = world.Answer(po);
        time.SetUtcNow(fallbackDue - TimeSpan.FromMinutes(1));
        world.Answer(po);
        Assert.That(first.State, Is.EqualTo(PoState.Shipped));
        Assert.That(world.InvoiceCalls, Is.Zero, "shipped, not shown invoiced, fallback not due: PO Status only");

        time.SetUtcNow(fallbackDue);
        world.Answer(po);
        time.Advance(TimeSpan.FromMinutes(10));
        world.Answer(po);
        Assert.That(world.InvoiceCalls, Is.EqualTo(1), "the fallback once, then not again within the day");

        time.SetUtcNow(script.EndsAt);
        var invoiced = world.Answer(po);
        Assert.That(world.InvoiceCalls, Is.EqualTo(2), "the row shows invoiced: asked at once");
        Assert.That(invoiced.Invoices, Has.Count.EqualTo(1));
        Assert.That(world.StatusCalls, Is.EqualTo(5));
    }

    static DateTimeOffset? ShipAt(OrderScript script) => script.Changes.FirstOrDefault(c => c.Kind == ChangeKind.Shipped)?.At;

    static DateTimeOffset ShipDay(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);
}
