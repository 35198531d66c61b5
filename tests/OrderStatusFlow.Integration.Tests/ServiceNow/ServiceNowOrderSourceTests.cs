using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using System.Net.Http.Headers;
using System.Text;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;
using OrderStatusFlow.ServiceNow.Http;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

public sealed class ServiceNowOrderSourceTests
{
    [Test]
    public async Task ReadOpenOrders_SeveralPages_FollowsLinkAndFetchesLinesInBulkPerPage()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(25));
        using var client = Sn.Client(emulator, o => { o.PageSize = 10; o.SourcePaging = "link"; });

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders.Select(o => o.Number), Is.EquivalentTo(Enumerable.Range(1, 25).Select(Sn.Number)));
        Assert.That(orders.All(o => o.Lines.Count == 3), Is.True);
        var po7 = orders.Single(o => o.Number == Sn.Number(7));
        Assert.That(po7.Lines.Select(l => l["part_number"]), Is.EquivalentTo(new[] { "SKU-7-1", "SKU-7-2", "SKU-7-3" }));
        Assert.That(po7.Lines.All(l => l["purchase_order"] == Sn.Po(7)), Is.True);
        Assert.That(po7["u_tds_cpo_id"], Is.EqualTo("900000007"));
        // 25 POs in pages of 10: 3 PO reads; lines per PO page (30, 30, 15 lines in pages of 10): 3 + 3 + 2 reads.
        Assert.That(emulator.Stats["table_reads:proc_po"], Is.EqualTo(3));
        Assert.That(emulator.Stats["table_reads:proc_po_item"], Is.EqualTo(8));
    }

    [Test]
    public async Task ReadOpenOrders_FirstPageLinkHasNegativePrev_StillPagesForward()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(12));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sn.User}:{Sn.Password}")));
        using var raw = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po?sysparm_limit=5"));
        var link = string.Join(",", raw.Headers.GetValues("Link"));
        Assert.That(link, Does.Contain("sysparm_offset=-5>;rel=\"prev\""));
        Assert.That(LinkHeader.Find(link, "next"), Does.Contain("sysparm_offset=5"));

        using var client = Sn.Client(emulator, o => { o.PageSize = 5; o.SourcePaging = "link"; });
        var readsBefore = emulator.Stats["table_reads:proc_po"];
        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders, Has.Count.EqualTo(12));
        Assert.That(emulator.Stats["table_reads:proc_po"] - readsBefore, Is.EqualTo(3));
    }

    [Test]
    public async Task ReadOpenOrders_NoLinkHeader_StopsAtTheShortPage()
    {
        var scenario = ServiceNowScenario.Generate(20);
        scenario.OmitLinkHeader = true;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator, o => { o.PageSize = 10; o.SourcePaging = "link"; });

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders, Has.Count.EqualTo(20));
        Assert.That(emulator.Stats["table_reads:proc_po"], Is.EqualTo(3), "10, 10, then an empty page ends it");
    }

    [Test]
    public async Task ReadOpenOrders_KeysetPaging_ReadsAllPagesAndStopsAtShortPage()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(25));
        using var client = Sn.Client(emulator, o => o.PageSize = 10);

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders.Select(o => o.Number), Is.EqualTo(Enumerable.Range(1, 25).Select(Sn.Number)));
        Assert.That(orders.All(o => o.Lines.Count == 3), Is.True);
        Assert.That(emulator.Stats["table_reads:proc_po"], Is.EqualTo(3));
    }

    [TestCase("keyset", 25)]
    [TestCase("link", 20)]
    public async Task ReadOpenOrders_PosTurnTerminalBetweenPages_KeysetMissesNoneLinkSkips(string paging, int expected)
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(25));
        using var client = Sn.Client(emulator, o => { o.PageSize = 10; o.SourcePaging = paging; });
        var writer = new ServiceNowRecordWriter(client);
        var seen = new List<string>();

        await foreach (var po in new ServiceNowOrderSource(client).ReadOpenOrdersAsync(CancellationToken.None))
        {
            seen.Add(po.Number);
            if (seen.Count == 5) // the connector finishes some POs of page 1 while the source is still reading
                await writer.WriteBatchAsync(Enumerable.Range(1, 5).Select(i => Sn.Update(i, "TDS Invoiced")).ToList(), CancellationToken.None);
        }

        Assert.That(seen, Has.Count.EqualTo(expected));
        Assert.That(seen, Is.Unique);
    }

    [Test]
    public async Task FindPosWithLinesUpdatedSince_EditsOverSeveralPages_FindsExactlyTheEditedPos()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(25), time: time);
        using var client = Sn.Client(emulator, o => o.PageSize = 5);
        emulator.AdvanceClock(TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromHours(1));
        var edited = Enumerable.Range(1, 12).ToList();
        foreach (var i in edited)
            Assert.That(emulator.EditAsPerson("proc_po_item", Sn.Line(i, 2), new Dictionary<string, string> { ["ordered_quantity"] = "9" }), Is.True);

        var found = await new ServiceNowOrderSource(client).FindPosWithLinesUpdatedSinceAsync(time.GetUtcNow().AddMinutes(-30), CancellationToken.None);

        Assert.That(found, Is.EquivalentTo(edited.Select(Sn.Po)), "12 edited lines over 3 pages of 5: every PO once, no other");
        Assert.That(emulator.Stats["table_reads:proc_po_item"], Is.EqualTo(3));
    }

    [Test]
    public async Task ReadOpenOrders_QueryReturnsIneligiblePos_HandsThemOutMarkedSkippedWithoutLines()
    {
        var scenario = ServiceNowScenario.Generate(4);
        var pos = scenario.Tables["proc_po"];
        pos[0]["u_tds_cpo_id"] = "";
        pos[1]["status"] = "received";
        pos[2]["u_tds_order_status"] = "TDS Invoiced";
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator, o => o.Query = "");

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders.Select(o => o.Number), Is.EqualTo(new[] { Sn.Number(1), Sn.Number(2), Sn.Number(3), Sn.Number(4) }));
        Assert.That(orders.Select(o => o.SkipReason), Is.EqualTo(new[]
        {
            "u_tds_cpo_id is empty: not submitted through the connector",
            "status is 'received': the PO is completed",
            "u_tds_order_status is 'TDS Invoiced': the order is in a terminal TD SYNNEX status",
            null,
        }));
        Assert.That(orders.Take(3).SelectMany(o => o.Lines), Is.Empty, "an ineligible PO's lines are not read");
        Assert.That(orders[3].Lines, Is.Not.Empty);
        Assert.That(orders[3].Lines.Select(l => l.Number), Has.All.Not.Empty, "lines carry their number from the line number field");
    }

    [Test]
    public async Task ReadOpenOrders_DefaultQuery_SelectsOnlyOpenConnectorPos()
    {
        var scenario = ServiceNowScenario.Generate(5);
        scenario.Tables["proc_po"][0]["status"] = "canceled";
        scenario.Tables["proc_po"][1]["u_tds_order_status"] = "TDS Cancelled";
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders.Select(o => o.Number), Is.EqualTo(new[] { Sn.Number(3), Sn.Number(4), Sn.Number(5) }));
    }

    [Test]
    public async Task Records_ReferenceAsLinkOrPlainValue_BothReadAsTheSysId()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sn.User}:{Sn.Password}")));
        var linked = await http.GetStringAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po_item?sysparm_fields=sys_id,purchase_order"));
        var plain = await http.GetStringAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po_item?sysparm_fields=sys_id,purchase_order&sysparm_exclude_reference_link=true"));

        Assert.That(linked, Does.Contain("\"link\":"));
        Assert.That(ResponseReader.Records(linked, "test")[0]["purchase_order"], Is.EqualTo(Sn.Po(1)));
        Assert.That(ResponseReader.Records(plain, "test")[0]["purchase_order"], Is.EqualTo(Sn.Po(1)));
    }

    [Test]
    public async Task ReadOpenOrders_InstanceHibernating_ReportsHtmlPageNotJsonError()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Hibernating = true;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var error = Assert.ThrowsAsync<SyncException>(async () => await Sn.ReadAllAsync(new ServiceNowOrderSource(client)));

        Assert.That(error!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.StartWith("ServiceNow answered an HTML page (instance hibernating?)"));
        Assert.That(error.Message, Does.Contain("Instance Hibernating page"));
    }

    [Test]
    public async Task ReadOpenOrders_TransientUnavailable_RetriesAndSucceeds()
    {
        var scenario = ServiceNowScenario.Generate(3);
        scenario.Faults.UnavailableFirstRequests = 2;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));

        Assert.That(orders, Has.Count.EqualTo(3));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Requests], Is.EqualTo(4), "two 503s, then the PO page and the line page");
    }

    [Test]
    public async Task ReadOpenOrders_InstanceTooSlow_TransientAfterBoundedAttempts()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.LatencyMs = 2000;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator, o => { o.RequestTimeout = TimeSpan.FromMilliseconds(100); o.MaxAttempts = 2; });

        var error = Assert.ThrowsAsync<SyncException>(async () => await Sn.ReadAllAsync(new ServiceNowOrderSource(client)));

        Assert.That(error!.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain("did not answer within 0.1 s").And.Contain("after 2 attempts"));
    }
}
