using OrderStatusFlow.TdSynnex.Status;
using System.Text;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using OrderStatusFlow.TestKit.TdSynnex;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdSynnexTestBed;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexStatusProviderTests
{
    [Test]
    public async Task GetStatus_SampleA_ReleasedAndBackordered()
    {
        await using var bed = await StartAsync(RawScenario("PO0010457", TdSynnexSamples.SampleA));

        var status = await bed.StatusAsync(DemoPo("PO0010457"));

        Assert.That(status.State, Is.EqualTo(PoState.Backordered));
        Assert.That(status.Lines.Select(l => l.State), Is.EqualTo(new[] { LineState.Released, LineState.Backordered }));
        Assert.That(status.Lines[1].Eta, Is.EqualTo("2025-03-21"));
        Assert.That(status.InvoicesQueried, Is.False);
        Assert.That(bed.Emulator.Stats.InvoiceRequests, Is.Zero);
    }

    [Test]
    public async Task GetStatus_SampleB_PartialWithTracking()
    {
        await using var bed = await StartAsync(RawScenario("PO0010461", TdSynnexSamples.SampleB));

        var status = await bed.StatusAsync(Po("PO0010461", "", ("1", "9X8K2UT#ABA", "5")));

        Assert.That(status.State, Is.EqualTo(PoState.Partial));
        Assert.That((status.ShippedQuantity, status.BackorderedQuantity), Is.EqualTo((3, 2)));
        Assert.That(status.TrackingNumbers, Is.EqualTo(new[] { "772019384455", "772019384466" }));
        Assert.That(bed.Emulator.Stats.InvoiceRequests, Is.EqualTo(1), "shipped quantity without a noted invoice asks for invoices");
        Assert.That(status.InvoiceNote, Does.Contain("No invoice available yet"));
    }

    [Test]
    public async Task GetStatus_SampleCWithInvoice_Invoiced()
    {
        var scenario = RawScenario("PO0010388", TdSynnexSamples.SampleC);
        scenario.Faults.Add(new TdSynnexFault { PoNumber = "PO0010388", Endpoint = "invoice", Kind = TdSynnexFaultKind.Raw, Calls = 0, Body = TdSynnexSamples.InvoiceSample });
        await using var bed = await StartAsync(scenario);

        var status = await bed.StatusAsync(Po("PO0010388", "", ("1", "JL484A", "10"), ("2", "H1ZZ3E", "1")));

        Assert.That(status.State, Is.EqualTo(PoState.Invoiced));
        Assert.That(status.Lines.Select(l => l.State), Is.EqualTo(new[] { LineState.Invoiced, LineState.Cancelled }));
        Assert.That(status.Invoices.Single().Number, Is.EqualTo("90412277"));
        Assert.That(status.InvoiceNote, Is.Null);
    }

    [Test]
    public async Task GetStatus_SampleD_NotFound()
    {
        await using var bed = await StartAsync(RawScenario("PO0099999", TdSynnexSamples.SampleD));

        var status = await bed.StatusAsync(DemoPo("PO0099999"));

        Assert.That(status.State, Is.EqualTo(PoState.NotFound));
        Assert.That(status.HeaderCode, Is.EqualTo("notFound"));
    }

    [Test]
    public async Task GetStatus_EmulatorQuirks_ParsedAndInterpreted()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Quirky()] });

        var status = await bed.StatusAsync(DemoPo("Q1"));

        var line1 = status.Lines[0];
        Assert.That(line1.State, Is.EqualTo(LineState.Partial));
        Assert.That((line1.OrderedQuantity, line1.ShippedQuantity, line1.BackorderedQuantity), Is.EqualTo((4, 2, 2)));
        Assert.That(line1.Eta, Is.EqualTo("2026-12-18"), "MM-DD-YYYY ETADate");
        Assert.That(line1.Carriers, Is.EqualTo(new[] { "FedEx Ground" }), "trailing whitespace trimmed");
        Assert.That(line1.SalesOrderNumbers, Is.EqualTo(new[] { "500001", "500002" }));
        Assert.That(status.Lines[1].State, Is.EqualTo(LineState.Cancelled));
        Assert.That(status.State, Is.EqualTo(PoState.Partial));
    }

    [Test]
    public async Task PostStatus_EmulatorWire_CarriesTheRealQuirks()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Quirky()] });

        var xml = await PostAsync(bed, "SynnexXML/POStatus", Envelope("2.7", "Q1"), "text/xml");

        Assert.That(xml, Does.Contain("<Reason />").And.Contain("<PODatetime></PODatetime>"), "both empty spellings");
        Assert.That(xml, Does.Match(@"<ResponseElapsedTime>\d+\.\d+s</ResponseElapsedTime>"));
        Assert.That(xml, Does.Contain("<EstimatedDeliveryDate>2026-12-20</EstimatedDeliveryDate>").And.Contain("<EstimateDeliveryDate"));
        Assert.That(xml, Does.Contain("<ShipMethodDescription>Hold Order </ShipMethodDescription>"));
        Assert.That(xml, Does.Match(@"<ProductName>PRODUCT 20XW00ABUS\n\s+</ProductName>"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(xml, "lineNumber=\"1\"").Count, Is.EqualTo(2));
        var deletedRow = xml[xml.IndexOf("lineNumber=\"2\"", StringComparison.Ordinal)..];
        Assert.That(deletedRow, Does.Not.Contain("ShipFromWarehouse"));
    }

    [TestCase("2.0", false, false)]
    [TestCase("2.4", true, false)]
    [TestCase("2.7", true, true)]
    public async Task PostStatus_Version_DecidesFields(string version, bool fees, bool estimates)
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Quirky()] });

        var xml = await PostAsync(bed, "SynnexXML/POStatus", Envelope(version, "Q1"), "application/xml");

        Assert.That(xml.Contains("<Freight>"), Is.EqualTo(fees));
        Assert.That(xml.Contains("EstimatedShipDate"), Is.EqualTo(estimates));
        Assert.That(xml, Does.Contain($"<SynnexB2B version=\"{version}\">"));
    }

    [TestCase("text/plain", 200)]
    [TestCase("application/xml", 200)]
    [TestCase("text/xml; charset=utf-8", 200)]
    [TestCase("application/json", 415)]
    public async Task PostStatus_ContentTypes_AcceptedOrRefused(string contentType, int expected)
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Quirky()] });
        using var content = new StringContent(Envelope("2.7", "Q1"), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await bed.Http.PostAsync(new Uri(bed.Emulator.BaseUrl, "SynnexXML/POStatus"), content);

        Assert.That((int)response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task GetStatus_BeforeFirstStep_NotFoundThenAcceptedAfterClockAdvance()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("L1", at: 20)] });

        var before = await bed.StatusAsync(DemoPo("L1"));
        using var advance = await bed.Http.PostAsync(new Uri(bed.Emulator.BaseUrl, "_emulator/clock/advance?seconds=25"), null);
        var after = await bed.StatusAsync(DemoPo("L1"));

        Assert.That(advance.IsSuccessStatusCode, Is.True);
        Assert.That(before.State, Is.EqualTo(PoState.NotFound));
        Assert.That(after.State, Is.EqualTo(PoState.Accepted));
    }

    [Test]
    public async Task GetStatus_OtherCustomerNumber_NotFound()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("C1")] }, o => o.Customer = "999999");

        Assert.That((await bed.StatusAsync(DemoPo("C1"))).State, Is.EqualTo(PoState.NotFound));
    }

    [Test]
    public async Task GetStatus_LineWithoutNumber_MatchedOnMfgPN()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("M1")] });

        var status = await bed.StatusAsync(DemoPo("M1", line2Number: ""));

        Assert.That(status.Lines[1].PoLineSysId, Is.EqualTo("M1-ln2"));
        Assert.That(status.UnmatchedLineNumbers, Is.Empty);
    }

    [Test]
    public async Task Stats_Endpoint_CountsByKind()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Invoiced("S1")] });
        await bed.StatusAsync(DemoPo("S1"));

        var json = await bed.Http.GetStringAsync(new Uri(bed.Emulator.BaseUrl, "_emulator/stats"));

        Assert.That(json, Does.Contain("\"status\":1").And.Contain("\"invoice\":1"));
        Assert.That(bed.Emulator.Stats.StatusRequestsFor("S1"), Is.EqualTo(1));
    }

    [Test]
    public async Task Emulator_Capacity_QueuesExtraRequests()
    {
        var scenario = new TdSynnexScenario { LatencyMs = 30, MaxConcurrentRequests = 2, Orders = [TdSynnexScenarios.Accepted("K1")] };
        await using var bed = await StartAsync(scenario);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => bed.StatusAsync(DemoPo("K1"))));

        Assert.That(results.Select(r => r.State), Is.All.EqualTo(PoState.Accepted));
        Assert.That(bed.Emulator.Stats.MaxConcurrent, Is.InRange(1, 2));
        Assert.That(bed.Emulator.Stats.StatusRequests, Is.EqualTo(6));
    }

    [Test]
    public async Task GetStatus_RateLimit_SpacesRequests()
    {
        await using var bed = await StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("R1")] }, o => o.RequestsPerSecond = 20);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
            await bed.StatusAsync(DemoPo("R1"));

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190)), "4 gaps of 50 ms at 20 requests per second");
    }

    internal static string Envelope(string version, string po, string password = Password) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <SynnexB2B version="{version}"><Credential><UserID>purchasing@acme-msp.example</UserID><Password>{password}</Password></Credential>
        <OrderStatusRequest><CustomerNumber>784512</CustomerNumber><PONumber>{po}</PONumber></OrderStatusRequest></SynnexB2B>
        """;

    internal static async Task<string> PostAsync(TdSynnexTestBed bed, string path, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await bed.Http.PostAsync(new Uri(bed.Emulator.BaseUrl, path), content);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return await response.Content.ReadAsStringAsync();
    }
}
