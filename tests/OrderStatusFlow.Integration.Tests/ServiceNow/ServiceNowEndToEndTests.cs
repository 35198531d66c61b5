using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

public sealed class ServiceNowEndToEndTests
{
    [Test]
    public async Task ReadAndWrite_HundredsOfPosUnderRateLimitsAndFaults_EveryUpdateSettledPreciselyAndOnce()
    {
        const int count = 300;
        var scenario = ServiceNowScenario.Generate(count);
        scenario.RateLimit = new ServiceNowRateLimit { Requests = 10, WindowSeconds = 1, CountBatchItems = false };
        scenario.BatchMaxItems = 90;
        scenario.Faults.CancelAfterCommitFirstWrites = 6;
        scenario.Faults.CancelAfterCommitSysIds.AddRange([Sn.Po(150), Sn.Line(151, 2)]);
        scenario.Faults.CancelBatchAfterCommitFirstRequests = 1;
        scenario.Faults.UnavailableFirstWrites = 5;
        scenario.Faults.UnavailableFirstRequests = 2;
        scenario.Acl.Add(new ServiceNowAclRule { Table = "proc_po_item", Field = "u_carrier", Operation = "write" });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario, time: time);
        await using var clock = Sn.AdvanceClockOnEachRateLimit(emulator, time);
        using var client = Sn.Client(emulator, o => { o.PageSize = 100; o.MaxBatchItems = 100; o.MaxAttempts = 6; });

        var orders = await Sn.ReadAllAsync(new ServiceNowOrderSource(client));
        Assert.That(orders, Has.Count.EqualTo(count));
        Assert.That(orders.Sum(o => o.Lines.Count), Is.EqualTo(count * 3));

        // Every 40th PO writes the read-only status (ignored), every 50th a carrier (403), every 60th (from the 7th) is deleted meanwhile.
        var updates = orders.Select((po, n) =>
        {
            var i = n + 1;
            var poFields = new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped", ["u_tracking_number"] = $"TRK{i}" };
            if (i % 40 == 0)
                poFields["status"] = "received";
            var lines = po.Lines.Select(l => new LineUpdate(l.SysId, l["u_tds_line_number"], i % 50 == 0 && l["u_tds_line_number"] == "1"
                ? new Dictionary<string, string> { ["u_carrier"] = "FedEx" }
                : new Dictionary<string, string> { ["u_tds_line_status"] = "TDS Shipped", ["u_tds_shipped_quantity"] = l["ordered_quantity"] })).ToList();
            var sysId = i % 60 == 7 ? "gone" + po.SysId[4..] : po.SysId;
            return new StatusUpdate(sysId, po.Number, poFields, lines);
        }).ToList();

        var writer = new ServiceNowRecordWriter(client);
        var results = new List<WriteResult>();
        foreach (var chunk in updates.Chunk(100))
            results.AddRange(await writer.WriteBatchAsync(chunk, CancellationToken.None));

        Assert.That(results.Select(r => r.PoSysId), Is.EquivalentTo(updates.Select(u => u.PoSysId)), "one result per update, none missing");
        for (var n = 0; n < updates.Count; n++)
        {
            var i = n + 1;
            var result = results.Single(r => r.PoSysId == updates[n].PoSysId);
            FailureKind? expected = i % 60 == 7 ? FailureKind.NotFound : i % 50 == 0 ? FailureKind.Permission : i % 40 == 0 ? FailureKind.Ignored : null;
            Assert.That(result.FailureKind, Is.EqualTo(expected), $"PO {i}: {result.Error}");
            Assert.That(result.Succeeded, Is.EqualTo(expected is null), $"PO {i}");
            if (expected == FailureKind.Ignored)
                Assert.That(result.Error, Does.Contain("status (sent 'received', still 'ordered')"));
            if (expected == FailureKind.Permission)
                Assert.That(result.Error, Does.Contain("u_carrier").And.Contain("proc_po_item"));
            if (expected is null or FailureKind.Ignored or FailureKind.Permission)
                Assert.That(emulator.GetRecord("proc_po", updates[n].PoSysId)!["u_tracking_number"], Is.EqualTo($"TRK{i}"));
        }
        Assert.That(Sn.ChangeCounts(emulator).Where(c => c.Value > 1), Is.Empty, "no value committed twice");
        var lineWrites = emulator.CommittedWrites.Where(w => w.Table == "proc_po_item").Select(w => w.SysId).ToHashSet();
        var expectedLines = updates.Where((u, n) => (n + 1) % 60 != 7).SelectMany(u => u.Lines)
            .Where(l => !l.Fields.ContainsKey("u_carrier")).Select(l => l.SysId);
        Assert.That(lineWrites, Is.SupersetOf(expectedLines), "every writable line was written");
        TestContext.Out.WriteLine(string.Join(", ", emulator.Stats.Snapshot().Select(p => $"{p.Key}={p.Value}")));
        // 10 requests per window, windows closed only by a 429: the 13 page reads alone (4 PO pages, 9 line pages) exceed it.
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.RateLimited], Is.GreaterThan(0), "the rate limit was exercised");
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.TransactionsCancelled], Is.GreaterThanOrEqualTo(9));
    }
}
