using OrderStatusFlow.TdSynnex.Interpretation;
using OrderStatusFlow.TdSynnex.Tests.Support;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdsBuild;

namespace OrderStatusFlow.TdSynnex.Tests.Interpretation;

public sealed class InvoicePolicyTests
{
    static bool Query(OrderStatusFlow.Core.Domain.PurchaseOrder po, OrderStatusFlow.TdSynnex.Xml.PoStatusResponse response) =>
        InvoicePolicy.ShouldQuery(po, response, StatusInterpreter.Interpret(po, response));

    [Test]
    public void ShouldQuery_NothingShipped_False() =>
        Assert.That(Query(PoOf(1), Answer("accepted", Released("1"))), Is.False);

    [Test]
    public void ShouldQuery_ShippedAndNoInvoiceNoted_True() =>
        Assert.That(Query(PoOf(1), Answer("shipped", Shipped("1", 2))), Is.True);

    [Test]
    public void ShouldQuery_OnlyDeletedRowShipped_False() =>
        Assert.That(Query(PoOf(1), Answer("accepted", Row("1", "deleted", ordered: 2, shipped: 2))), Is.False);

    [Test]
    public void ShouldQuery_AllSalesOrdersNoted_False()
    {
        var po = PoWithNotes("Partial shipment: 1 of 2\nInvoice 901 dated 2026-11-24\r\nInvoice 902 dated 2026-11-25", ("1", "MFG-1", "3"), ("2", "MFG-2", "2"));

        Assert.That(Query(po, Answer("accepted", Shipped("1", 1, "invoiced", so: "S1"), Shipped("1", 1, "shipped", so: "S2"), Released("2"))), Is.False);
    }

    [Test]
    public void ShouldQuery_EveryLineInvoicedAndAlreadyNoted_StillTrueSoThePoCanBecomeInvoiced()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24\nInvoice 902 dated 2026-11-25", ("1", "MFG-1", "2"), ("2", "MFG-2", "2"));

        Assert.That(Query(po, Answer("invoiced", Shipped("1", 2, "invoiced", so: "S1"), Shipped("2", 2, "invoiced", so: "S2"))), Is.True);
    }

    [Test]
    public void ShouldQuery_FewerInvoicesThanShippedSalesOrders_True()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24", ("1", "MFG-1", "2"));

        Assert.That(Query(po, Answer("invoiced", Shipped("1", 1, "invoiced", so: "S1"), Shipped("1", 1, "invoiced", so: "S2"))), Is.True);
    }

    [Test]
    public void ShouldQuery_SameInvoiceNotedTwice_CountedOnce()
    {
        var po = PoWithNotes("Invoice 901 dated 2026-11-24\nInvoice 901 dated 2026-11-24", ("1", "MFG-1", "2"));

        Assert.That(Query(po, Answer("shipped", Shipped("1", 1, so: "S1"), Shipped("1", 1, so: "S2"))), Is.True);
    }

    [TestCase("deleted")]
    [TestCase("rejected")]
    [TestCase("notFound")]
    public void ShouldQuery_TerminalOrUnknownHeader_False(string code) =>
        Assert.That(Query(PoOf(1), Answer(code, Shipped("1", 2))), Is.False);
}
