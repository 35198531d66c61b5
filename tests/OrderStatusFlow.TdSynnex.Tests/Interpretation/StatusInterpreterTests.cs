using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Interpretation;
using OrderStatusFlow.TdSynnex.Tests.Support;
using OrderStatusFlow.TdSynnex.Xml;
using OrderStatusFlow.TestKit.TdSynnex;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdsBuild;

namespace OrderStatusFlow.TdSynnex.Tests.Interpretation;

public sealed class StatusInterpreterTests
{
    // The line table (LineInterpreter), one case per row (and the edges that decide between rows). Line ordered quantity is 2.
    static IEnumerable<TestCaseData> LineCases()
    {
        TestCaseData Case(string name, LineState expected, string header, params PoStatusRow[] rows) =>
            new TestCaseData(header, (object)rows).Returns(expected).SetName("Interpret_Line_" + name);

        yield return Case("EveryRowDeleted_Cancelled", LineState.Cancelled, "accepted", Row("1", "deleted"), Row("1", "DELETED", so: "SO-b"));
        yield return Case("HeaderDeletedNothingShipped_Cancelled", LineState.Cancelled, "deleted", Released("1"));
        yield return Case("HeaderRejectedNothingShipped_Cancelled", LineState.Cancelled, "rejected", Row("1", "accepted"));
        yield return Case("HeaderDeletedButShipped_Shipped", LineState.Shipped, "deleted", Shipped("1", 2));
        yield return Case("AllInvoicedAndShipped_Invoiced", LineState.Invoiced, "invoiced", Shipped("1", 2, "invoiced"));
        yield return Case("InvoicedWithDeletedSplit_Invoiced", LineState.Invoiced, "invoiced", Shipped("1", 2, "Invoiced"), Row("1", "deleted", so: "SO-x"));
        yield return Case("InvoicedButShortShipped_Partial", LineState.Partial, "invoiced", Shipped("1", 1, "invoiced"));
        yield return Case("InvoicedAndShippedRows_Shipped", LineState.Shipped, "accepted", Shipped("1", 1, "invoiced"), Shipped("1", 1, "shipped", so: "SO-b"));
        yield return Case("ShippedEqualsOrdered_Shipped", LineState.Shipped, "shipped", Shipped("1", 2));
        yield return Case("ShippedOverOrdered_Shipped", LineState.Shipped, "shipped", Shipped("1", 5));
        yield return Case("SomeShipped_Partial", LineState.Partial, "accepted", Shipped("1", 1), Row("1", "accepted", "BO", 1, so: "SO-b"));
        yield return Case("DeletedRowShipQuantityIgnored_Backordered", LineState.Backordered, "accepted", Row("1", "deleted", "SO", 2, 2), Row("1", "accepted", "BO", so: "SO-b"));
        yield return Case("NothingShippedBackorder_Backordered", LineState.Backordered, "accepted", Row("1", "accepted", "BO"));
        yield return Case("BackorderBeatsReleased_Backordered", LineState.Backordered, "accepted", Released("1", 1), Row("1", "accepted", "BO", 1, so: "SO-b"));
        yield return Case("AcceptedSoWarehouseEstimate_Released", LineState.Released, "accepted", Released("1"));
        yield return Case("ReleasedCodeCaseInsensitive_Released", LineState.Released, "ACCEPTED", Released("1") with { Code = " Accepted " });
        yield return Case("ShipMethodNL_Accepted", LineState.Accepted, "accepted", Released("1") with { ShipMethod = "NL", ShipMethodDescription = "Hold Order" });
        yield return Case("NoWarehouse_Accepted", LineState.Accepted, "accepted", Released("1") with { ShipFromWarehouse = null });
        yield return Case("NoEstimatedShipDate_Accepted", LineState.Accepted, "accepted", Released("1") with { EstimatedShipDate = null });
        yield return Case("OrderTypeQO_Accepted", LineState.Accepted, "accepted", Released("1") with { OrderType = "QO" });
        yield return Case("OrderType99_Accepted", LineState.Accepted, "accepted", Released("1") with { OrderType = "99" });
        yield return Case("Plain_Accepted", LineState.Accepted, "accepted", Row("1", "accepted"));
    }

    [TestCaseSource(nameof(LineCases))]
    public LineState Interpret_LineTable(string header, object rows) =>
        StatusInterpreter.Interpret(PoOf(1), Answer(header, (PoStatusRow[])rows)).Lines.Single().State;

    // The PO table (StatusInterpreter), one case per row.
    static IEnumerable<TestCaseData> PoCases()
    {
        TestCaseData Case(string name, PoState expected, string header, bool invoices, params PoStatusRow[] rows) =>
            new TestCaseData(header, invoices, (object)rows).Returns(expected).SetName("Interpret_Po_" + name);

        yield return Case("HeaderDeleted_Cancelled", PoState.Cancelled, "deleted", false, Row("1", "deleted"), Row("2", "deleted"));
        yield return Case("HeaderRejectedNoItems_Cancelled", PoState.Cancelled, "rejected", false);
        yield return Case("HeaderDeletedEvenIfShipped_Cancelled", PoState.Cancelled, "deleted", true, Shipped("1", 2));
        yield return Case("EveryLineCancelled_Cancelled", PoState.Cancelled, "accepted", false, Row("1", "deleted"), Row("2", "deleted"));
        yield return Case("AllInvoicedWithInvoices_Invoiced", PoState.Invoiced, "invoiced", true, Shipped("1", 2, "invoiced"), Shipped("2", 2, "invoiced"));
        yield return Case("AllInvoicedNoInvoices_Shipped", PoState.Shipped, "invoiced", false, Shipped("1", 2, "invoiced"), Shipped("2", 2, "invoiced"));
        yield return Case("InvoicedPlusCancelledLine_Invoiced", PoState.Invoiced, "invoiced", true, Shipped("1", 2, "invoiced"), Row("2", "deleted"));
        yield return Case("OneLineOnlyShippedWithInvoices_Shipped", PoState.Shipped, "accepted", true, Shipped("1", 2, "invoiced"), Shipped("2", 2));
        yield return Case("AllShipped_Shipped", PoState.Shipped, "shipped", false, Shipped("1", 2), Shipped("2", 2));
        yield return Case("SomeShipped_Partial", PoState.Partial, "accepted", false, Shipped("1", 2), Released("2"));
        yield return Case("SplitLinePartial_Partial", PoState.Partial, "accepted", false, Shipped("1", 1), Row("1", "accepted", "BO", 1, so: "SO-b"), Released("2"));
        yield return Case("LineBackordered_Backordered", PoState.Backordered, "accepted", false, Released("1"), Row("2", "accepted", "BO"));
        yield return Case("LineReleased_Released", PoState.Released, "accepted", false, Released("1"), Row("2", "accepted"));
        yield return Case("Otherwise_Accepted", PoState.Accepted, "accepted", false, Row("1", "accepted"), Row("2", "accepted", "QO"));
        yield return Case("AcceptedNoItems_Accepted", PoState.Accepted, "accepted", false);
        yield return Case("DeletedLineIgnoredForShipped_Shipped", PoState.Shipped, "shipped", false, Shipped("1", 2), Row("2", "deleted"));
    }

    [TestCaseSource(nameof(PoCases))]
    public PoState Interpret_PoTable(string header, bool invoices, object rows) =>
        StatusInterpreter.Interpret(PoOf(2), Answer(header, (PoStatusRow[])rows), invoices ? [Invoice()] : []).State;

    // The provider interprets once without invoices and then applies the invoice answer: same table, same results.
    [TestCaseSource(nameof(PoCases))]
    public PoState WithInvoices_PoTable(string header, bool invoices, object rows)
    {
        var response = Answer(header, (PoStatusRow[])rows);
        var withoutInvoices = StatusInterpreter.Interpret(PoOf(2), response);
        return StatusInterpreter.WithInvoices(withoutInvoices, response, invoices ? [Invoice()] : []).State;
    }

    [TestCase("notFound")]
    [TestCase("NOT FOUND")]
    [TestCase(" notfound ")]
    [TestCase("Not Found")]
    [TestCase("not\nFound")]
    public void Interpret_NotFoundAnySpelling_NotFoundWithNoLines(string code)
    {
        var status = StatusInterpreter.Interpret(PoOf(1), Answer(code));

        Assert.That(status.State, Is.EqualTo(PoState.NotFound));
        Assert.That(status.IsNotFound, Is.True);
        Assert.That(status.Lines, Is.Empty);
        Assert.That(status.HeaderCode, Is.EqualTo(code.Trim()));
    }

    [Test]
    public void Interpret_SplitRows_AggregatedIntoOneLine()
    {
        var rows = new[]
        {
            Shipped("1", 1, tracking: "T1", so: "S1", serials: ["A", "B"]) with { ShipDate = new DateOnly(2026, 11, 20), ShipMethodDescription = "FedEx Ground  " },
            Shipped("1", 1, tracking: "T2", so: "S2", serials: ["B", "C"]) with { ShipDate = new DateOnly(2026, 11, 22), ShipMethodDescription = "UPS GROUND" },
            Shipped("1", 1, tracking: "T1", so: "S3", serials: ["D"]) with { ShipDate = new DateOnly(2026, 11, 21), ShipMethodDescription = "FedEx Ground" },
            Row("1", "accepted", "BO", 2, so: "S4") with { EtaDate = new DateOnly(2026, 12, 18), EstimatedShipDate = new DateOnly(2026, 12, 1) },
        };

        var line = StatusInterpreter.Interpret(Po(("1", "MFG-1", "5")), Answer("accepted", rows)).Lines.Single();

        Assert.That(line.State, Is.EqualTo(LineState.Partial));
        Assert.That(line.OrderedQuantity, Is.EqualTo(5));
        Assert.That(line.ShippedQuantity, Is.EqualTo(3));
        Assert.That(line.BackorderedQuantity, Is.EqualTo(2));
        Assert.That(line.TrackingNumbers, Is.EqualTo(new[] { "T1", "T2" }));
        Assert.That(line.SerialNumbers, Is.EqualTo(new[] { "A", "B", "C", "D" }));
        Assert.That(line.Carriers, Is.EqualTo(new[] { "FedEx Ground", "UPS GROUND" }));
        Assert.That(line.SalesOrderNumbers, Is.EqualTo(new[] { "S1", "S2", "S3", "S4" }));
        Assert.That(line.ShipDate, Is.EqualTo("2026-11-22"));
        Assert.That(line.Eta, Is.EqualTo("2026-12-18"));
        Assert.That(line.PoLineSysId, Is.EqualTo("ln1"));
    }

    [Test]
    public void Interpret_BackorderWithoutEtaDate_UsesEstimatedShipDate()
    {
        var row = Row("1", "accepted", "BO") with { EstimatedShipDate = new DateOnly(2026, 12, 9) };

        Assert.That(StatusInterpreter.Interpret(PoOf(1), Answer("accepted", row)).Lines[0].Eta, Is.EqualTo("2026-12-09"));
    }

    [Test]
    public void Interpret_NothingBackordered_EtaNullEvenWithDates()
    {
        var row = Released("1") with { EtaDate = new DateOnly(2026, 12, 9) };

        var status = StatusInterpreter.Interpret(PoOf(1), Answer("accepted", row));

        Assert.That(status.Lines[0].Eta, Is.Null);
        Assert.That(status.Eta, Is.Null);
        Assert.That(status.Lines[0].BackorderedQuantity, Is.Zero);
    }

    [Test]
    public void Interpret_UnshippedRows_NoCarrierYet()
    {
        var status = StatusInterpreter.Interpret(PoOf(1), Answer("accepted", Released("1")));

        Assert.That(status.Carriers, Is.Empty);
        Assert.That(status.Lines[0].Carriers, Is.Empty);
        Assert.That(status.ShipDate, Is.Null);
    }

    [Test]
    public void Interpret_OrderedQuantityFromServiceNow_ShippedCappedAtIt()
    {
        var line = StatusInterpreter.Interpret(Po(("1", "MFG-1", "3")), Answer("shipped", Shipped("1", 5))).Lines[0];

        Assert.That(line.OrderedQuantity, Is.EqualTo(3));
        Assert.That(line.ShippedQuantity, Is.EqualTo(3));
    }

    [Test]
    public void Interpret_UnmatchedLine_ReportedAndOrderedFromRows()
    {
        var status = StatusInterpreter.Interpret(Po(("1", "MFG-1", "2")), Answer("accepted", Released("1"), Row("7", "accepted", ordered: 9)));

        Assert.That(status.UnmatchedLineNumbers, Is.EqualTo(new[] { "7" }));
        Assert.That(status.Lines[1].PoLineSysId, Is.Null);
        Assert.That(status.Lines[1].OrderedQuantity, Is.EqualTo(9));
    }

    [TestCase("MFG-2")]
    [TestCase("mfg-2")]
    [TestCase("SKU2")]
    public void Interpret_EmptyServiceNowLineNumber_MatchedOnPartNumber(string part)
    {
        var po = Po(("1", "MFG-1", "2"), ("", part, "4"));

        var line = StatusInterpreter.Interpret(po, Answer("accepted", Released("1"), Released("2", 4))).Lines[1];

        Assert.That(line.PoLineSysId, Is.EqualTo("ln2"));
        Assert.That(line.OrderedQuantity, Is.EqualTo(4));
    }

    [Test]
    public void Interpret_LineNumberMatchBeatsPartNumber()
    {
        var po = Po(("2", "MFG-1", "2"), ("1", "OTHER", "2"));

        var status = StatusInterpreter.Interpret(po, Answer("accepted", Released("1")));

        Assert.That(status.Lines[0].PoLineSysId, Is.EqualTo("ln2"));
    }

    [Test]
    public void Interpret_PoTotals_SumOverLinesAndDistinctLists()
    {
        var status = StatusInterpreter.Interpret(PoOf(2),
            Answer("accepted", Shipped("1", 2, tracking: "T1"), Shipped("2", 1, tracking: "T1"), Row("2", "accepted", "BO", 1, so: "SO-b") with { EtaDate = new DateOnly(2026, 12, 1) }));

        Assert.That(status.OrderedQuantity, Is.EqualTo(4));
        Assert.That(status.ShippedQuantity, Is.EqualTo(3));
        Assert.That(status.BackorderedQuantity, Is.EqualTo(1));
        Assert.That(status.TrackingNumbers, Is.EqualTo(new[] { "T1" }));
        Assert.That(status.Eta, Is.EqualTo("2026-12-01"));
        Assert.That(status.State, Is.EqualTo(PoState.Partial));
    }

    [Test]
    public void Interpret_SampleA_ReleasedAndBackorderedWithEta()
    {
        var po = Po(("1", "20XW00ABUS", "4"), ("2", "40B00135US", "2"));

        var status = StatusInterpreter.Interpret(po, PoStatusParser.Parse(TdSynnexSamples.SampleA));

        Assert.That(status.Lines.Select(l => l.State), Is.EqualTo(new[] { LineState.Released, LineState.Backordered }));
        Assert.That(status.State, Is.EqualTo(PoState.Backordered));
        Assert.That(status.Lines[1].BackorderedQuantity, Is.EqualTo(2));
        Assert.That(status.Lines[1].Eta, Is.EqualTo("2025-03-21"));
        Assert.That(status.Carriers, Is.Empty);
        Assert.That(status.SalesOrderNumbers, Is.EqualTo(new[] { "151204467", "151204468" }));
    }

    [Test]
    public void Interpret_SampleB_PartialSplitLine()
    {
        var status = StatusInterpreter.Interpret(Po(("1", "9X8K2UT#ABA", "5")), PoStatusParser.Parse(TdSynnexSamples.SampleB));
        var line = status.Lines.Single();

        Assert.That(status.State, Is.EqualTo(PoState.Partial));
        Assert.That(line.State, Is.EqualTo(LineState.Partial));
        Assert.That((line.OrderedQuantity, line.ShippedQuantity, line.BackorderedQuantity), Is.EqualTo((5, 3, 2)));
        Assert.That(line.TrackingNumbers, Is.EqualTo(new[] { "772019384455", "772019384466" }));
        Assert.That(line.SerialNumbers, Is.EqualTo(new[] { "MXL4091KQ2", "MXL4091KQ7", "MXL4091KR0" }));
        Assert.That(line.Carriers, Is.EqualTo(new[] { "FedEx Ground" }));
        Assert.That(line.ShipDate, Is.EqualTo("2025-03-03"));
        Assert.That(line.Eta, Is.EqualTo("2025-03-14"));
    }

    [Test]
    public void Interpret_SampleC_InvoicedOnlyWithInvoices()
    {
        var po = Po(("1", "JL484A", "10"), ("2", "H1ZZ3E", "1"));
        var response = PoStatusParser.Parse(TdSynnexSamples.SampleC);

        var without = StatusInterpreter.Interpret(po, response);
        var with = StatusInterpreter.Interpret(po, response, InvoiceParser.Parse(TdSynnexSamples.InvoiceSample).Invoices, invoicesQueried: true);

        Assert.That(without.Lines.Select(l => l.State), Is.EqualTo(new[] { LineState.Invoiced, LineState.Cancelled }));
        Assert.That(without.State, Is.EqualTo(PoState.Shipped));
        Assert.That(with.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(with.Invoices.Single().Number, Is.EqualTo("90412277"));
        Assert.That(with.OrderedQuantity, Is.EqualTo(10));
        Assert.That(with.Carriers, Is.EqualTo(new[] { "UPS GROUND" }));
    }

    [Test]
    public void Interpret_SampleD_NotFound()
    {
        var status = StatusInterpreter.Interpret(PoOf(2), PoStatusParser.Parse(TdSynnexSamples.SampleD));

        Assert.That(status.State, Is.EqualTo(PoState.NotFound));
        Assert.That(status.HeaderCode, Is.EqualTo("notFound"));
    }

    [TestCase("rejected")]
    [TestCase("deleted")]
    public void Interpret_SampleDRejectedOrDeleted_Cancelled(string code)
    {
        var xml = TdSynnexSamples.SampleD.Replace("<Code>notFound</Code>", $"<Code>{code}</Code>");

        Assert.That(StatusInterpreter.Interpret(PoOf(2), PoStatusParser.Parse(xml)).State, Is.EqualTo(PoState.Cancelled));
    }

    [Test]
    public void Interpret_CustomFieldNames_Used()
    {
        var po = new PurchaseOrder("s", "PO1", new Dictionary<string, string>(),
            [new PurchaseOrderLine("x", new Dictionary<string, string> { ["my_line"] = "1", ["my_qty"] = "6" }, "1")]);
        var fields = new OrderStatusFlow.TdSynnex.TdSynnexFieldNames { OrderedQuantity = "my_qty" };

        var line = StatusInterpreter.Interpret(po, Answer("accepted", Shipped("1", 2)), fields: fields).Lines[0];

        Assert.That((line.PoLineSysId, line.OrderedQuantity, line.State), Is.EqualTo(("x", 6, LineState.Partial)));
    }

    [Test]
    public void Interpret_OneLineShippedOneBackordered_PartialWithEachLinesStateAndQuantities()
    {
        var status = StatusInterpreter.Interpret(PoOf(2), Answer("accepted", Shipped("1", 2), Row("2", "accepted", "BO")));

        Assert.That(status.State, Is.EqualTo(PoState.Partial));
        Assert.That(status.Lines.Select(l => (l.State, l.ShippedQuantity)),
            Is.EqualTo(new[] { (LineState.Shipped, 2), (LineState.Backordered, 0) }));
    }
}
