using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;
using OrderStatusFlow.TestKit.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests.Xml;

public sealed class PoStatusParserTests
{
    static string Answer(string items, string code = "accepted") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <SynnexB2B version="2.7"><OrderStatusResponse>
          <CustomerNumber>784512</CustomerNumber><PONumber>PO1</PONumber><Code>{code}</Code><Reason />
          <Items>{items}</Items>
          <ResponseElapsedTime>0.298s</ResponseElapsedTime>
        </OrderStatusResponse></SynnexB2B>
        """;

    static string Item(string extra, string line = "1", string code = "accepted", string type = "SO") => $"""
        <Item lineNumber="{line}"><Code>{code}</Code><OrderNumber>111</OrderNumber><OrderType>{type}</OrderType>
        <OrderQuantity>2</OrderQuantity><SKU>123</SKU><MfgPN>ABC</MfgPN><ShipQuantity>0</ShipQuantity>{extra}</Item>
        """;

    [Test]
    public void Parse_SampleC_ReadsEveryRowAndPackage()
    {
        var response = PoStatusParser.Parse(TdSynnexSamples.SampleC);

        Assert.That(response.Code, Is.EqualTo("invoiced"));
        Assert.That(response.Reason, Is.Null);
        Assert.That(response.Rows, Has.Count.EqualTo(2));
        var first = response.Rows[0];
        Assert.That(first.ShipDate, Is.EqualTo(new DateOnly(2025, 2, 20)));
        Assert.That(first.Packages.Single().SerialNumbers, Is.EqualTo(new[] { "CN41KX1A01", "CN41KX1A02" }));
        Assert.That(first.Packages.Single().ShipItemQuantity, Is.EqualTo(10));
        Assert.That(first.UnitPrice, Is.EqualTo(54.2m));
        Assert.That(response.Rows[1].ShipFromWarehouse, Is.Null, "deleted rows have no ShipFromWarehouse");
        Assert.That(response.Rows[1].IsDeleted, Is.True);
    }

    [TestCase("<EstimateDeliveryDate>2026-12-03</EstimateDeliveryDate>")]
    [TestCase("<EstimatedDeliveryDate>2026-12-03</EstimatedDeliveryDate>")]
    [TestCase("<EstimatedDeliveryDate>12-03-2026</EstimatedDeliveryDate>")]
    public void Parse_EitherDeliveryDateSpelling_Read(string element) =>
        Assert.That(PoStatusParser.Parse(Answer(Item(element))).Rows[0].EstimatedDeliveryDate, Is.EqualTo(new DateOnly(2026, 12, 3)));

    [TestCase("2026-12-18")]
    [TestCase("12-18-2026")]
    [TestCase(" 12/18/2026 ")]
    public void Parse_EtaDateEitherFormat_Read(string value) =>
        Assert.That(PoStatusParser.Parse(Answer(Item($"<ETADate>{value}</ETADate>"))).Rows[0].EtaDate, Is.EqualTo(new DateOnly(2026, 12, 18)));

    [TestCase("<ShipFromWarehouse />")]
    [TestCase("<ShipFromWarehouse></ShipFromWarehouse>")]
    [TestCase("<ShipFromWarehouse>   </ShipFromWarehouse>")]
    [TestCase("")]
    public void Parse_EmptyOrMissingOptionalElement_Null(string element) =>
        Assert.That(PoStatusParser.Parse(Answer(Item(element))).Rows[0].ShipFromWarehouse, Is.Null);

    [Test]
    public void Parse_TextWithLineBreaksAndTrailingBlanks_Trimmed()
    {
        var row = PoStatusParser.Parse(Answer(Item("<ProductName>HP ELITEDESK\n   800 G9  \n</ProductName><ShipMethodDescription> FedEx Ground \n</ShipMethodDescription>"))).Rows[0];

        Assert.That(row.ProductName, Is.EqualTo("HP ELITEDESK 800 G9"));
        Assert.That(row.ShipMethodDescription, Is.EqualTo("FedEx Ground"));
    }

    [TestCase("BO")]
    [TestCase("SO")]
    [TestCase("QO")]
    [TestCase("99")]
    public void Parse_OrderTypes_Kept(string type) =>
        Assert.That(PoStatusParser.Parse(Answer(Item("", type: type))).Rows[0].OrderType, Is.EqualTo(type));

    [Test]
    public void Parse_ShipMethodNL_Kept() =>
        Assert.That(PoStatusParser.Parse(Answer(Item("<ShipMethod>NL</ShipMethod><ShipMethodDescription>Hold Order</ShipMethodDescription>"))).Rows[0].ShipMethod, Is.EqualTo("NL"));

    [Test]
    public void Parse_RepeatedLineNumber_KeptAsRows() =>
        Assert.That(PoStatusParser.Parse(Answer(Item("") + Item("", code: "shipped"))).Rows.Select(r => r.LineNumber), Is.EqualTo(new[] { "1", "1" }));

    [Test]
    public void Parse_EmptyItemsBothSpellings_NoRows()
    {
        Assert.That(PoStatusParser.Parse(TdSynnexSamples.SampleD).Rows, Is.Empty);
        Assert.That(PoStatusParser.Parse(Answer("", "notFound")).Rows, Is.Empty);
    }

    [Test]
    public void Parse_MissingRequiredElement_DataErrorNamingIt()
    {
        var xml = Answer(Item("").Replace("<MfgPN>ABC</MfgPN>", ""));

        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse(xml))!;

        Assert.That(ex.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.Contain("MfgPN"));
    }

    [Test]
    public void Parse_Truncated_DataErrorWithPosition()
    {
        var xml = TdSynnexSamples.SampleB[..(TdSynnexSamples.SampleB.Length / 2)];

        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse(xml))!;

        Assert.That(ex.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.Contain("malformed or truncated XML").And.Contain("line").And.Contain("position"));
    }

    [Test]
    public void Parse_HtmlPage_DataErrorWithTitle()
    {
        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse("<!DOCTYPE html><html><head><title>Maintenance</title></head><body>x</body></html>"))!;

        Assert.That(ex.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.StartWith("TD SYNNEX answered an HTML page, not XML: \"Maintenance\""));
    }

    [TestCase("IP Address Invalid", "IP address:203.0.113.24 not defined.", FailureKind.Configuration, "Register the public IP")]
    [TestCase("IP Address has not been Validated", "", FailureKind.Configuration, "Register the public IP")]
    [TestCase("Authentication Failed", "Invalid UserID or Password", FailureKind.Configuration, "OSF_TDSYNNEX_PASSWORD")]
    [TestCase("Server.Timeout", "Session timed out", FailureKind.Transient, "temporary")]
    [TestCase("Server.DatabaseIssue", "", FailureKind.Transient, "temporary")]
    [TestCase("Server.APIFault", "", FailureKind.Transient, "temporary")]
    [TestCase("SYNNEX XML Server is not Available", "", FailureKind.Transient, "temporary")]
    [TestCase("XML Content is Incomplete", "Client.IncompleteXML: 1. UserID is required", FailureKind.Data, "incomplete")]
    [TestCase("Something odd", "", FailureKind.Data, "instead of a status")]
    public void Parse_ErrorMessage_Classified(string message, string detail, FailureKind kind, string advice)
    {
        var xml = $"<SynnexB2B><OrderStatusResponse><ErrorMessage>{message}</ErrorMessage><ErrorDetail>{detail}</ErrorDetail></OrderStatusResponse></SynnexB2B>";

        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse(xml))!;

        Assert.That(ex.Kind, Is.EqualTo(kind));
        Assert.That(ex.Message, Does.Contain(message).And.Contain(advice));
    }

    [Test]
    public void Parse_BizError_DataErrorWithDetail()
    {
        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse("<SynnexB2B><BizError><detail>PO locked by rep</detail></BizError></SynnexB2B>"))!;

        Assert.That(ex.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.Contain("PO locked by rep"));
    }

    [Test]
    public void Parse_ErrorEchoingPassword_Redacted()
    {
        var xml = "<SynnexB2B><OrderStatusResponse><ErrorMessage>Authentication Failed</ErrorMessage><ErrorDetail>bad password s3cret-pw</ErrorDetail></OrderStatusResponse></SynnexB2B>";

        var ex = Assert.Throws<SyncException>(() => PoStatusParser.Parse(xml, new Redactor("s3cret-pw")))!;

        Assert.That(ex.Message, Does.Not.Contain("s3cret-pw"));
    }
}
