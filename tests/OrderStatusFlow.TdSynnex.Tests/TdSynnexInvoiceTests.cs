using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdSynnexTestBed;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexInvoiceTests
{
    [Test]
    public async Task GetStatus_InvoicedAndInvoicesAvailable_InvoicedWithBothInvoices()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Invoiced("I1")] });

        var status = await bed.StatusAsync(DemoPo("I1"));

        Assert.That(status.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(status.InvoicesQueried, Is.True);
        Assert.That(status.InvoiceNote, Is.Null);
        Assert.That(status.Invoices.Select(i => (i.Number, i.Date, i.SalesOrderNumber)),
            Is.EqualTo(new[] { ("INV-1", "2026-11-24", "600001"), ("INV-2", "2026-11-25", "600002") }));
        Assert.That(status.Invoices[0].TrackingNumbers, Is.EqualTo(new[] { "T-1", "T-9" }), "comma-separated TrackNumber");
        Assert.That(status.Invoices[1].TrackingNumbers, Is.EqualTo(new[] { "T-2" }), "repeated TrackNumber");
        Assert.That(status.Invoices[0].SerialNumbers, Is.EqualTo(new[] { "T-1-S1" }), "SN: prefix stripped");
        Assert.That(status.Invoices[0].Total, Is.EqualTo(4518.00m), "thousands separator");
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("I1"), Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_InvoiceNotAvailableYet_ShippedWithNoteThenInvoicedLater()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Invoiced("I2", availableAt: 30)] });

        var early = await bed.StatusAsync(DemoPo("I2"));
        bed.Emulator.AdvanceClock(TimeSpan.FromSeconds(31));
        var later = await bed.StatusAsync(DemoPo("I2"));

        Assert.That(early.State, Is.EqualTo(PoState.Shipped), "every line invoiced, but no invoice returned yet");
        Assert.That(early.InvoicesQueried, Is.True);
        Assert.That(early.InvoiceNote, Does.Contain("No invoice available yet"));
        Assert.That(later.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(bed.Provider.InvoicesDeferred, Is.EqualTo(1));
        Assert.That(bed.Provider.InvoiceQueries, Is.EqualTo(2));
    }

    [Test]
    public async Task GetStatus_InvoiceQueryFailsTransiently_StatusWithoutInvoices()
    {
        var scenario = new TdSynnexScenario
        {
            Orders = [TdSynnexScenarios.Invoiced("I3")],
            Faults = [new TdSynnexFault { PoNumber = "I3", Endpoint = "invoice", Kind = TdSynnexFaultKind.Html, Calls = 0 }],
        };
        await using var bed = await StartAsync(scenario);

        var status = await bed.StatusAsync(DemoPo("I3"));

        Assert.That(status.State, Is.EqualTo(PoState.Shipped));
        Assert.That(status.Invoices, Is.Empty);
        Assert.That(status.InvoiceNote, Does.Contain("Invoice query failed for now").And.Contain("HTML page"));
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("I3"), Is.EqualTo(3), "retried like any transient failure");
        Assert.That(bed.Emulator.Stats.StatusRequestsFor("I3"), Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_InvoiceScriptedNotAvailable_NoteAndNoFailure()
    {
        var scenario = new TdSynnexScenario
        {
            Orders = [TdSynnexScenarios.Invoiced("I4")],
            Faults = [new TdSynnexFault { PoNumber = "I4", Endpoint = "invoice", Kind = TdSynnexFaultKind.InvoiceNotAvailable, Calls = 1 }],
        };
        await using var bed = await StartAsync(scenario);

        var first = await bed.StatusAsync(DemoPo("I4"));
        var second = await bed.StatusAsync(DemoPo("I4"));

        Assert.That(first.State, Is.EqualTo(PoState.Shipped));
        Assert.That(first.InvoiceNote, Does.Contain("No invoice available yet"));
        Assert.That(second.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(second.InvoiceNote, Is.Null);
    }

    [Test]
    public async Task GetStatus_InvoiceAuthenticationFails_ConfigurationThrown()
    {
        var scenario = new TdSynnexScenario
        {
            Orders = [TdSynnexScenarios.Invoiced("I5")],
            Faults = [new TdSynnexFault { PoNumber = "I5", Endpoint = "invoice", Kind = TdSynnexFaultKind.ErrorMessage, Calls = 0, Message = "Authentication Failed", Detail = "Invalid UserID or Password" }],
        };
        await using var bed = await StartAsync(scenario);

        var error = Assert.ThrowsAsync<SyncException>(() => bed.StatusAsync(DemoPo("I5")))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("invoice query").And.Not.Contain(Password));
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("I5"), Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_ShippedAndInvoicesAlreadyNoted_NoInvoiceQuery()
    {
        var order = TdSynnexScenarios.Invoiced("I6");
        foreach (var row in order.Timeline[0].Rows)
            row.Code = "shipped";
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [order] });
        var po = DemoPo("I6", notes: "Invoice INV-1 dated 2026-11-24\nInvoice INV-2 dated 2026-11-25");

        var status = await bed.StatusAsync(po);

        Assert.That(status.InvoicesQueried, Is.False);
        Assert.That(status.State, Is.EqualTo(PoState.Shipped));
        Assert.That(bed.Emulator.Stats.InvoiceRequests, Is.Zero);
    }

    [Test]
    public async Task GetStatus_AllInvoicedAndInvoicesAlreadyNoted_QueriedOnceMoreAndInvoiced()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Invoiced("I8")] });
        var po = DemoPo("I8", notes: "Invoice INV-1 dated 2026-11-24\nInvoice INV-2 dated 2026-11-25");

        var status = await bed.StatusAsync(po);

        Assert.That(status.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("I8"), Is.EqualTo(1));
    }

    /// <summary>Both lines shipped on 2026-11-20 (rows <c>shipped</c>, not invoiced); both invoices already available.</summary>
    static TdSynnexOrder ShippedNotShownInvoiced(string poNumber)
    {
        var order = TdSynnexScenarios.Invoiced(poNumber);
        order.Timeline[0].Code = "shipped";
        foreach (var row in order.Timeline[0].Rows)
            row.Code = "shipped";
        return order;
    }

    [Test]
    public async Task GetStatus_ShippedNotShownInvoiced_InvoiceQueryOnlyWhenTheFallbackIsDue()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero));
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [ShippedNotShownInvoiced("F1")] }, time: time);

        var shipDay = await bed.StatusAsync(DemoPo("F1"));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 23, 55, 0, TimeSpan.Zero));
        await bed.StatusAsync(DemoPo("F1"));
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("F1"), Is.Zero, "a day (invoiceFallback) has not passed since the ship date");
        Assert.That(shipDay.InvoicesQueried, Is.False);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 0, 5, 0, TimeSpan.Zero));
        var due = await bed.StatusAsync(DemoPo("F1"));
        time.Advance(TimeSpan.FromHours(2));
        await bed.StatusAsync(DemoPo("F1"));

        Assert.That(due.Invoices.Select(i => i.Number), Is.EqualTo(new[] { "INV-1", "INV-2" }), "the fallback finds invoices PO Status does not show");
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("F1"), Is.EqualTo(1), "asked once, then not again within the interval");
        Assert.That(bed.Emulator.Stats.StatusRequestsFor("F1"), Is.EqualTo(4));
    }

    [Test]
    public async Task GetStatus_OneSalesOrderShownInvoicedWithoutItsInvoiceNoted_QueriedAtOnce()
    {
        var order = ShippedNotShownInvoiced("F2");
        order.Timeline[0].Code = "accepted";
        order.Timeline[0].Rows[0].Code = "invoiced";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero));
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [order] }, time: time);

        var status = await bed.StatusAsync(DemoPo("F2"));

        Assert.That(status.InvoicesQueried, Is.True);
        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("F2"), Is.EqualTo(1), "the invoiced row makes the query due whatever the fallback says");
    }

    [Test]
    public async Task GetStatus_FallbackZero_AskedAtEveryCheck()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero));
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [ShippedNotShownInvoiced("F3")] }, o => o.InvoiceFallback = TimeSpan.Zero, time);

        await bed.StatusAsync(DemoPo("F3"));
        await bed.StatusAsync(DemoPo("F3"));

        Assert.That(bed.Emulator.Stats.InvoiceRequestsFor("F3"), Is.EqualTo(2));
    }

    [Test]
    public async Task GetStatus_NothingShipped_NoInvoiceQuery()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("I7")] });

        await bed.StatusAsync(DemoPo("I7"));

        Assert.That(bed.Emulator.Stats.InvoiceRequests, Is.Zero);
    }
}
