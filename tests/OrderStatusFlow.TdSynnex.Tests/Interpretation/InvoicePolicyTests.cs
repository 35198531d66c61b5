using OrderStatusFlow.TdSynnex.Interpretation;
using OrderStatusFlow.TdSynnex.Tests.Support;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdsBuild;

namespace OrderStatusFlow.TdSynnex.Tests.Interpretation;

public sealed class InvoicePolicyTests
{
    static InvoiceDemand Demand(OrderStatusFlow.Core.Domain.PurchaseOrder po, OrderStatusFlow.TdSynnex.Xml.PoStatusResponse response) =>
        InvoicePolicy.Demand(po, response, StatusInterpreter.Interpret(po, response));

    static InvoiceNeed Need(OrderStatusFlow.Core.Domain.PurchaseOrder po, OrderStatusFlow.TdSynnex.Xml.PoStatusResponse response) => Demand(po, response).Need;

    [Test]
    public void Demand_NothingShipped_None() =>
        Assert.That(Need(PoOf(1), Answer("accepted", Released("1"))), Is.EqualTo(InvoiceNeed.None));

    [Test]
    public void Demand_ShippedNotInvoicedAndNoInvoiceNoted_OnlyTheFallbackFromTheShipDate()
    {
        var demand = Demand(PoOf(1), Answer("shipped", Shipped("1", 2)));

        Assert.That(demand.Need, Is.EqualTo(InvoiceNeed.Fallback), "PO Status does not show the sales order invoiced: no reason to ask at every check");
        Assert.That(demand.WaitingSince, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Demand_RowInvoicedWithoutItsInvoiceNoted_Now() =>
        Assert.That(Need(PoOf(2), Answer("accepted", Shipped("1", 2, "invoiced", so: "S1"), Shipped("2", 2, so: "S2"))), Is.EqualTo(InvoiceNeed.Now));

    [Test]
    public void Demand_HeaderInvoiced_Now() =>
        Assert.That(Need(PoOf(1), Answer("invoiced", Shipped("1", 2))), Is.EqualTo(InvoiceNeed.Now));

    [Test]
    public void Demand_InvoicedSalesOrderNotedOtherShipped_FallbackWaitingSinceTheUninvoicedShipment()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24", ("1", "MFG-1", "2"), ("2", "MFG-2", "2"));
        var later = Shipped("2", 2, so: "S2") with { ShipDate = new DateOnly(2026, 11, 26) };

        var demand = Demand(po, Answer("accepted", Shipped("1", 2, "invoiced", so: "S1"), later));

        Assert.That(demand.Need, Is.EqualTo(InvoiceNeed.Fallback));
        Assert.That(demand.WaitingSince, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)), "the invoiced row's ship date does not start the wait");
    }

    [Test]
    public void Demand_ShippedWithoutShipDate_FallbackWithNoStart() =>
        Assert.That(Demand(PoOf(1), Answer("shipped", Shipped("1", 2) with { ShipDate = null })).WaitingSince, Is.Null);

    [Test]
    public void Demand_OnlyDeletedRowShipped_None() =>
        Assert.That(Need(PoOf(1), Answer("accepted", Row("1", "deleted", ordered: 2, shipped: 2))), Is.EqualTo(InvoiceNeed.None));

    [Test]
    public void Demand_AllSalesOrdersNoted_None()
    {
        var po = PoWithNotes("Partial shipment: 1 of 2\nInvoice 901 dated 2026-11-24\r\nInvoice 902 dated 2026-11-25", ("1", "MFG-1", "3"), ("2", "MFG-2", "2"));

        Assert.That(Need(po, Answer("accepted", Shipped("1", 1, "invoiced", so: "S1"), Shipped("1", 1, "shipped", so: "S2"), Released("2"))), Is.EqualTo(InvoiceNeed.None));
    }

    [Test]
    public void Demand_EveryLineInvoicedAndAlreadyNoted_StillNowSoThePoCanBecomeInvoiced()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24\nInvoice 902 dated 2026-11-25", ("1", "MFG-1", "2"), ("2", "MFG-2", "2"));

        Assert.That(Need(po, Answer("invoiced", Shipped("1", 2, "invoiced", so: "S1"), Shipped("2", 2, "invoiced", so: "S2"))), Is.EqualTo(InvoiceNeed.Now));
    }

    [Test]
    public void Demand_FewerInvoicesThanInvoicedSalesOrders_Now()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24", ("1", "MFG-1", "2"));

        Assert.That(Need(po, Answer("invoiced", Shipped("1", 1, "invoiced", so: "S1"), Shipped("1", 1, "invoiced", so: "S2"))), Is.EqualTo(InvoiceNeed.Now));
    }

    [Test]
    public void Demand_SameInvoiceNotedTwice_CountedOnce()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24\nInvoice 901 dated 2026-11-24", ("1", "MFG-1", "2"));

        Assert.That(Need(po, Answer("accepted", Shipped("1", 1, "invoiced", so: "S1"), Shipped("1", 1, "invoiced", so: "S2"))), Is.EqualTo(InvoiceNeed.Now));
    }

    [TestCase("deleted")]
    [TestCase("rejected")]
    [TestCase("notFound")]
    public void Demand_TerminalOrUnknownHeader_None(string code) =>
        Assert.That(Need(PoOf(1), Answer(code, Shipped("1", 2, "invoiced"))), Is.EqualTo(InvoiceNeed.None));

    [TestCase(2, 0, false, 0, "Fallback")]
    [TestCase(2, 1, false, 0, "Now")]
    [TestCase(2, 1, false, 1, "Fallback")]
    [TestCase(2, 2, false, 2, "None")]
    [TestCase(2, 2, true, 2, "Now")]
    [TestCase(0, 0, false, 0, "None")]
    public void Decide_FromCounts(int shipped, int invoiced, bool everyLineInvoiced, int noted, string expected) =>
        Assert.That(InvoicePolicy.Decide(shipped, invoiced, everyLineInvoiced, noted).ToString(), Is.EqualTo(expected));
}
