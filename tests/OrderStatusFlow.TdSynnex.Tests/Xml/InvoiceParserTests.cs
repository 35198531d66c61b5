using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;
using OrderStatusFlow.TestKit.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests.Xml;

public sealed class InvoiceParserTests
{
    [Test]
    public void Parse_Sample_OneInvoiceWithPrefixStrippedSerials()
    {
        var invoice = InvoiceParser.Parse(TdSynnexSamples.InvoiceSample).Invoices.Single();

        Assert.That(invoice.Number, Is.EqualTo("90412277"));
        Assert.That(invoice.Date, Is.EqualTo("2025-02-21"));
        Assert.That(invoice.SalesOrderNumber, Is.EqualTo("150877310"));
        Assert.That(invoice.TrackingNumbers, Is.EqualTo(new[] { "1Z4F92W80312345678" }));
        Assert.That(invoice.SerialNumbers, Is.EqualTo(new[] { "CN41KX1A01", "CN41KX1A02" }));
        Assert.That(invoice.Total, Is.EqualTo(556.40m));
        Assert.That(invoice.Freight, Is.EqualTo(14.40m));
    }

    [Test]
    public void Parse_SeveralInvoicesCommaTrackingAndThousands_AllRead()
    {
        const string xml = """
            <SynnexB2B><InvoiceResponse><CustomerPONumber>PO1</CustomerPONumber>
              <Invoice><InvoiceNumber>A1</InvoiceNumber><InvoiceDate>2026-11-24</InvoiceDate>
                <Tracking><TrackNumber>T1, T2,T1</TrackNumber></Tracking>
                <Summary><TotalInvoiceAmount>1,234.50</TotalInvoiceAmount></Summary></Invoice>
              <Invoice><InvoiceNumber>A2</InvoiceNumber><InvoiceDate>11-25-2026</InvoiceDate>
                <Tracking><TrackNumber>T3</TrackNumber><TrackNumber>T4</TrackNumber></Tracking>
                <Items><Item><SerialNo>SN:X1</SerialNo><SerialNo>sn: X2</SerialNo><SerialNo>X3</SerialNo></Item></Items></Invoice>
            </InvoiceResponse></SynnexB2B>
            """;

        var invoices = InvoiceParser.Parse(xml).Invoices;

        Assert.That(invoices.Select(i => i.Number), Is.EqualTo(new[] { "A1", "A2" }));
        Assert.That(invoices[0].TrackingNumbers, Is.EqualTo(new[] { "T1", "T2" }));
        Assert.That(invoices[0].Total, Is.EqualTo(1234.50m));
        Assert.That(invoices[1].Date, Is.EqualTo("2026-11-25"));
        Assert.That(invoices[1].TrackingNumbers, Is.EqualTo(new[] { "T3", "T4" }));
        Assert.That(invoices[1].SerialNumbers, Is.EqualTo(new[] { "X1", "X2", "X3" }));
    }

    [TestCase("<ErrorCode>NoInvoice</ErrorCode><ErrorReason>No invoice available yet for PO PO1</ErrorReason>")]
    [TestCase("<ErrorReason>Invoice not found</ErrorReason>")]
    [TestCase("")]
    public void Parse_NoInvoiceYet_NotAvailableNotError(string inner)
    {
        var result = InvoiceParser.Parse($"<SynnexB2B><InvoiceResponse><CustomerPONumber>PO1</CustomerPONumber>{inner}</InvoiceResponse></SynnexB2B>");

        Assert.That(result.NotAvailable, Is.True);
        Assert.That(result.Invoices, Is.Empty);
    }

    [TestCase("<ErrorCode>Authentication Failed</ErrorCode><ErrorReason>Invalid UserID or Password</ErrorReason>", FailureKind.Configuration)]
    [TestCase("<ErrorCode>Server.DatabaseIssue</ErrorCode>", FailureKind.Transient)]
    [TestCase("<ErrorDetail>Something unexpected</ErrorDetail>", FailureKind.Data)]
    public void Parse_ErrorShapes_Classified(string inner, FailureKind kind)
    {
        var ex = Assert.Throws<SyncException>(() => InvoiceParser.Parse($"<SynnexB2B><InvoiceResponse>{inner}</InvoiceResponse></SynnexB2B>"))!;

        Assert.That(ex.Kind, Is.EqualTo(kind));
    }

    [Test]
    public void Parse_TopLevelErrorDetail_Classified()
    {
        var ex = Assert.Throws<SyncException>(() => InvoiceParser.Parse("<SynnexB2B><ErrorDetail>Server.Timeout</ErrorDetail></SynnexB2B>"))!;

        Assert.That(ex.Kind, Is.EqualTo(FailureKind.Transient));
    }
}
