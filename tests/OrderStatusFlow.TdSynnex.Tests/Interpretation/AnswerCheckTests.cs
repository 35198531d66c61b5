using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Interpretation;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Tests.Interpretation;

[TestFixture]
sealed class AnswerCheckTests
{
    static PoStatusResponse Answer(string code, string? po, string? customer = "784512") =>
        new(code, null, po, []) { CustomerNumber = customer };

    [Test]
    public void PoStatus_AnswerAboutThePoAsked_Passes() =>
        Assert.DoesNotThrow(() => AnswerCheck.PoStatus("PO1", "784512", Answer("accepted", " po1 ")));

    [Test]
    public void PoStatus_AnswerAboutAnotherPo_IsADataError()
    {
        var ex = Assert.Throws<SyncException>(() => AnswerCheck.PoStatus("PO1", "784512", Answer("shipped", "PO2")));

        Assert.That(ex!.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.Contain("is about PO 'PO2'").And.Contain("nothing was written"));
    }

    [Test]
    public void PoStatus_AnotherAccount_IsADataError() =>
        Assert.That(Assert.Throws<SyncException>(() => AnswerCheck.PoStatus("PO1", "784512", Answer("shipped", "PO1", "111")))!.Message,
            Does.Contain("customer account '111'"));

    [Test]
    public void PoStatus_NoPoNumber_PassesOnlyForNotFound()
    {
        Assert.DoesNotThrow(() => AnswerCheck.PoStatus("PO1", "784512", Answer("notFound", null)));
        Assert.Throws<SyncException>(() => AnswerCheck.PoStatus("PO1", "784512", Answer("shipped", null)));
    }

    [Test]
    public void Invoices_InvoiceOfAnotherSalesOrder_IsADataError()
    {
        var status = new OrderStatus { HeaderCode = "invoiced", State = PoState.Shipped, SalesOrderNumbers = ["SO1"] };
        var result = new InvoiceQueryResult([new Invoice { Number = "INV9", Date = "2026-01-01", SalesOrderNumber = "SO9" }], null) { PoNumbers = ["PO1"] };

        Assert.That(Assert.Throws<SyncException>(() => AnswerCheck.Invoices("PO1", status, result))!.Message, Does.Contain("sales order SO9"));
    }
}
