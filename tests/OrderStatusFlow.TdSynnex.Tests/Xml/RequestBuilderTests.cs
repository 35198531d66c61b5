using System.Xml.Linq;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Tests.Xml;

/// <summary>The envelopes built once per client send exactly the text a full build sends, whatever the PO number.</summary>
public sealed class RequestBuilderTests
{
    static TdSynnexOptions Options(string password = "p<&>w\"'") => new()
    {
        Url = "http://127.0.0.1:1/", InvoiceUrl = "http://127.0.0.1:1/",
        User = "purchasing@acme-msp.example", Password = password, Customer = "784512",
    };

    [TestCase("PO-1001")]
    [TestCase("PO 7/ä")]          // not ASCII: built in full
    [TestCase("A&B<1>")]           // escaped by XML: built in full
    [TestCase("")]
    public void ThePoNumberInTheTemplate_GivesTheFullBuildsText(string poNumber)
    {
        var options = Options();
        var builder = new RequestBuilder(options);

        Assert.That(builder.PoStatus(poNumber), Is.EqualTo(RequestBuilder.BuildPoStatus(options, poNumber)));
        Assert.That(builder.InvoiceQuery(poNumber), Is.EqualTo(RequestBuilder.BuildInvoiceQuery(options, poNumber)));
        Assert.That(XDocument.Parse(builder.PoStatus(poNumber)).Root!.Element("OrderStatusRequest")!.Element("PONumber")!.Value, Is.EqualTo(poNumber));
    }

    [Test]
    public void APasswordHoldingThePlaceholder_IsNotMistakenForThePoNumber()
    {
        var options = Options(password: "osf-po-number-placeholder");
        var builder = new RequestBuilder(options);

        var request = XDocument.Parse(builder.PoStatus("PO-1")).Root!;

        Assert.That(request.Element("Credential")!.Element("Password")!.Value, Is.EqualTo("osf-po-number-placeholder"));
        Assert.That(request.Element("OrderStatusRequest")!.Element("PONumber")!.Value, Is.EqualTo("PO-1"));
    }

    [Test]
    public void RequestsForDifferentPos_DifferOnlyInThePoNumber()
    {
        var builder = new RequestBuilder(Options());

        Assert.That(builder.PoStatus("PO-2").Replace("PO-2", "PO-1"), Is.EqualTo(builder.PoStatus("PO-1")));
        Assert.That(XDocument.Parse(builder.InvoiceQuery("PO-2")).Root!.Element("InvoiceRequest")!.Element("PONumber")!.Value, Is.EqualTo("PO-2"));
    }
}
