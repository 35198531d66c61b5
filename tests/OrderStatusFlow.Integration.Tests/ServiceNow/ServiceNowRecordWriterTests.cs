using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

public sealed class ServiceNowRecordWriterTests
{
    [Test]
    public async Task WriteBatch_ChangedRecords_OneBatchRequestAndValuesStored()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(3));
        using var client = Sn.Client(emulator);
        var updates = new[] { Sn.Update(1, "TDS Shipped", 1, 2, 3), Sn.Update(2, "TDS Released", 2), Sn.Update(3, "TDS Accepted") };

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.Select(r => (r.PoSysId, r.Succeeded)), Is.EquivalentTo(updates.Select(u => (u.PoSysId, true))));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(1));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchItems], Is.EqualTo(7));
        Assert.That(emulator.GetRecord("proc_po", Sn.Po(1))!["u_tds_order_status"], Is.EqualTo("TDS Shipped"));
        Assert.That(emulator.GetRecord("proc_po_item", Sn.Line(1, 3))!["u_tds_shipped_quantity"], Is.EqualTo("4"));
        Assert.That(emulator.GetRecord("proc_po_item", Sn.Line(2, 1))!["u_tds_line_status"], Is.Empty, "line 1 of PO 2 was not in the update");
    }

    [Test]
    public async Task WriteBatch_MoreItemsThanMaxBatchItems_SplitsIntoSeveralRequests()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(3));
        using var client = Sn.Client(emulator, o => o.MaxBatchItems = 4);
        var updates = Enumerable.Range(1, 3).Select(i => Sn.Update(i, "TDS Shipped", 1, 2, 3)).ToList();

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(3));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Patches], Is.EqualTo(12));
    }

    [Test]
    public async Task WriteBatch_SplitWithARequestLimit_SendsThePiecesSideBySide()
    {
        // 100 ms per batch item keeps each 4-item request busy for 400 ms, long enough for the three to meet.
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(3, batchItemLatencyMs: 100));
        using var client = Sn.Client(emulator, o => o.MaxBatchItems = 4);
        var updates = Enumerable.Range(1, 3).Select(i => Sn.Update(i, "TDS Shipped", 1, 2, 3)).ToList();

        var results = await new ServiceNowRecordWriter(client, maxConcurrentRequests: 8).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(3));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchInFlightMax], Is.GreaterThan(1), "the pieces of one batch were sent one after another");
        Assert.That(emulator.GetRecord("proc_po_item", Sn.Line(3, 3))!["u_tds_shipped_quantity"], Is.EqualTo("4"));
    }

    [Test]
    public async Task WriteBatch_PiecesSideBySide_KeepEachPoInOneRequest()
    {
        // 4 records per PO, 6 per request: item by item, PO 2 would straddle the first two requests.
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(3));
        using var client = Sn.Client(emulator, o => o.MaxBatchItems = 6);
        var updates = Enumerable.Range(1, 3).Select(i => Sn.Update(i, "TDS Shipped", 1, 2, 3)).ToList();

        var results = await new ServiceNowRecordWriter(client, maxConcurrentRequests: 8).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(3), "one request per PO: a PO's records were split across requests");
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Patches], Is.EqualTo(12));
    }

    [Test]
    public async Task WriteBatch_RequestLimitOfOne_SendsOnePieceAtATimeAcrossCalls()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(4, batchItemLatencyMs: 20));
        using var client = Sn.Client(emulator, o => o.MaxBatchItems = 4);
        using var writer = new ServiceNowRecordWriter(client, maxConcurrentRequests: 1);

        var calls = new[] { new[] { 1, 2 }, new[] { 3, 4 } }
            .Select(pos => writer.WriteBatchAsync(pos.Select(i => Sn.Update(i, "TDS Shipped", 1, 2, 3)).ToList(), CancellationToken.None));
        var results = (await Task.WhenAll(calls)).SelectMany(r => r).ToList();

        Assert.That(results, Has.Count.EqualTo(4));
        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(4));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchInFlightMax], Is.EqualTo(1), "more Batch API requests in flight than the limit");
    }

    [Test]
    public async Task WriteBatch_FieldSilentlyIgnored_FailsIgnoredNamingOnlyThatField()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.ReadOnlyFields.Add("proc_po.u_tracking_number");
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync([Sn.Update(1, "TDS Shipped", 1)], CancellationToken.None);

        var result = results.Single();
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.FailureKind, Is.EqualTo(FailureKind.Ignored));
        Assert.That(result.Error, Does.Contain("silently ignored u_tracking_number (sent 'TRK1', still '')"));
        Assert.That(result.Error, Does.Not.Contain("u_tds_order_status ("));
        Assert.That(emulator.GetRecord("proc_po", Sn.Po(1))!["u_tds_order_status"], Is.EqualTo("TDS Shipped"));
    }

    [Test]
    public async Task WriteBatch_ReadOnlyStatusField_FailsIgnored()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator);
        var update = new StatusUpdate(Sn.Po(1), Sn.Number(1), new Dictionary<string, string> { ["status"] = "received" }, []);

        var result = (await new ServiceNowRecordWriter(client).WriteBatchAsync([update], CancellationToken.None)).Single();

        Assert.That(result.FailureKind, Is.EqualTo(FailureKind.Ignored));
        Assert.That(result.Error, Does.Contain("status (sent 'received', still 'ordered')"));
    }

    [Test]
    public async Task WriteBatch_FieldWriteAclDenied_PermissionNamingTableAndField()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Acl.Add(new ServiceNowAclRule { Table = "proc_po_item", Field = "u_tds_shipped_quantity", Operation = "write" });
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(
            [Sn.Update(1, "TDS Shipped", 2), new StatusUpdate(Sn.Po(2), Sn.Number(2), new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Released" }, [])],
            CancellationToken.None);

        var denied = results.Single(r => r.PoSysId == Sn.Po(1));
        Assert.That(denied.FailureKind, Is.EqualTo(FailureKind.Permission));
        Assert.That(denied.Error, Does.Contain("proc_po_item line 2 of BN0000001").And.Contain("u_tds_shipped_quantity").And.Contain("403"));
        Assert.That(results.Single(r => r.PoSysId == Sn.Po(2)).Succeeded, Is.True);
    }

    [Test]
    public async Task WriteBatch_RecordGone_NotFound()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator);
        var gone = new StatusUpdate("deadbeefdeadbeefdeadbeefdeadbeef", "PO0099999", new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped" }, []);

        var result = (await new ServiceNowRecordWriter(client).WriteBatchAsync([gone], CancellationToken.None)).Single();

        Assert.That(result.FailureKind, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Error, Does.Contain("PO0099999").And.Contain("no longer exists"));
    }

    [Test]
    public async Task WriteBatch_RateLimited_WaitsRetryAfterThenWrites()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.RateLimit = new ServiceNowRateLimit { Requests = 1, WindowSeconds = 1 };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario, time: time);
        await using var clock = Sn.AdvanceClockOnEachRateLimit(emulator, time);
        using var client = Sn.Client(emulator);
        await client.GetRecordAsync("proc_po", Sn.Po(1), ["sys_id"], CancellationToken.None); // uses the window's budget
        var watch = Stopwatch.StartNew();

        var result = (await new ServiceNowRecordWriter(client).WriteBatchAsync([Sn.Update(1, "TDS Shipped", 1)], CancellationToken.None)).Single();

        Assert.That(result.Succeeded, Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.RateLimited], Is.GreaterThanOrEqualTo(1));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Patches], Is.EqualTo(2));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "waited the 1 s Retry-After, not the 10 ms back-off");
    }

    [Test]
    public async Task WriteBatch_ItemRateLimitedInsideBatch_ItemRetriedAfterRetryAfter()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.RateLimit = new ServiceNowRateLimit { Requests = 3, WindowSeconds = 1, CountBatchItems = true };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario, time: time);
        await using var clock = Sn.AdvanceClockOnEachRateLimit(emulator, time);
        using var client = Sn.Client(emulator);
        var watch = Stopwatch.StartNew();

        var result = (await new ServiceNowRecordWriter(client).WriteBatchAsync([Sn.Update(1, "TDS Shipped", 1, 2)], CancellationToken.None)).Single();

        Assert.That(result.Succeeded, Is.True, result.Error);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.RateLimited], Is.GreaterThanOrEqualTo(1), "the request and two items fit, the third item did not");
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.GreaterThanOrEqualTo(2));
        Assert.That(emulator.CommittedWrites.GroupBy(w => w.SysId).Select(g => g.Count()), Is.EqualTo(new[] { 1, 1, 1 }));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "the item's Retry-After was honoured");
    }

    [Test]
    public async Task WriteLastBatch_WithARequestLimit_SendsAnEqualShareOfWholePosPerRequest_AfterOneMemoRead()
    {
        // 10 POs of 3 records each (header and two lines); 4 requests allowed: whole POs, at most 4 requests (3, 3, 3
        // and 1 PO; an even 8 records a piece would have made 5), where a batch that is not the last goes out in one
        // request of up to 100.
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(10, batchItemLatencyMs: 50));
        using var client = Sn.Client(emulator);
        var writer = new ServiceNowRecordWriter(client, maxConcurrentRequests: 4);
        var updates = Enumerable.Range(1, 10).Select(i => Sn.Update(i, "TDS Shipped", 1, 2) with
        {
            PoAppends = new Dictionary<string, IReadOnlyList<string>> { ["u_vendor_notes"] = [$"shipped {i}"] },
        }).ToList();
        var readsBefore = emulator.Stats["table_reads:proc_po"];

        var results = await writer.WriteLastBatchAsync(updates, CancellationToken.None);

        Assert.That(writer.SplitsLastBatch, Is.True);
        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Select(r => r.Error)));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(4));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchInFlightMax], Is.InRange(2, 4), "side by side, never more than allowed");
        Assert.That(emulator.Stats["table_reads:proc_po"] - readsBefore, Is.EqualTo(1), "one memo read for the whole batch");
        Assert.That(emulator.CommittedWrites.GroupBy(w => w.SysId).All(g => g.Count() == 1), Is.True, "each record once");
    }

    [Test]
    public async Task WriteLastBatch_WithOneRequestAtATime_IsNotSplitByTheWriter()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator);

        Assert.That(new ServiceNowRecordWriter(client, maxConcurrentRequests: 1).SplitsLastBatch, Is.False);
        Assert.That(new ServiceNowRecordWriter(client).SplitsLastBatch, Is.False);
    }

    [Test]
    public async Task WriteBatch_BatchLimitLeavesItemsUnserviced_ResubmitsThemOnce()
    {
        var scenario = ServiceNowScenario.Generate(3);
        scenario.BatchMaxItems = 2;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);
        var updates = Enumerable.Range(1, 3).Select(i => Sn.Update(i, "TDS Shipped", 1, 2)).ToList();

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(5), "9 items, 2 serviced per request");
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Unserviced], Is.EqualTo(7 + 5 + 3 + 1));
        Assert.That(emulator.CommittedWrites, Has.Count.EqualTo(9));
        Assert.That(emulator.CommittedWrites.Select(w => w.SysId).Distinct().Count(), Is.EqualTo(9));
    }

    [Test]
    public async Task WriteBatch_BatchTimeBudgetExceeded_RestResubmittedAndAllWrittenOnce()
    {
        var scenario = ServiceNowScenario.Generate(4);
        scenario.BatchItemLatencyMs = 20;
        scenario.BatchTimeBudgetMs = 50;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);
        var updates = Enumerable.Range(1, 4).Select(i => Sn.Update(i, "TDS Shipped", 1)).ToList();

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Unserviced], Is.GreaterThan(0));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.GreaterThan(1));
        Assert.That(emulator.CommittedWrites.GroupBy(w => w.SysId).Select(g => g.Count()), Is.EqualTo(Enumerable.Repeat(1, 8)));
    }

    [Test]
    public async Task WriteBatch_ItemTransactionCancelledAfterCommit_ReadsBackAndNeverWritesTwice()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Faults.CancelAfterCommitSysIds.AddRange([Sn.Po(1), Sn.Line(2, 1)]);
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(
            [Sn.Update(1, "TDS Shipped", 1), Sn.Update(2, "TDS Shipped", 1)], CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Select(r => r.Error)));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.TransactionsCancelled], Is.EqualTo(2));
        Assert.That(emulator.CommittedWrites, Has.Count.EqualTo(4), "each record committed exactly once");
        Assert.That(emulator.CommittedWrites.GroupBy(w => w.SysId).All(g => g.Count() == 1), Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(1), "nothing left to send after the read-back");
    }

    [Test]
    public async Task WriteBatch_WholeBatchCancelledAfterCommit_ReadsBackAndNeverWritesTwice()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Faults.CancelBatchAfterCommitFirstRequests = 1;
        scenario.ReadOnlyFields.Add("proc_po_item.u_tds_shipped_quantity");
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(
            [Sn.Update(1, "TDS Shipped"), Sn.Update(2, "TDS Shipped", 1)], CancellationToken.None);

        Assert.That(results.Single(r => r.PoSysId == Sn.Po(1)).Succeeded, Is.True);
        var two = results.Single(r => r.PoSysId == Sn.Po(2));
        Assert.That(two.FailureKind, Is.EqualTo(FailureKind.Ignored), "the read-back shows the ignored field; its re-send proves it");
        Assert.That(two.Error, Does.Contain("u_tds_shipped_quantity"));
        Assert.That(Sn.ChangeCounts(emulator).Values.All(c => c == 1), Is.True, "no value was committed twice");
        Assert.That(emulator.CommittedWrites.Count(w => w.SysId == Sn.Po(1)), Is.EqualTo(1));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(2), "only the ignored field was sent again");
    }

    [Test]
    public async Task WriteBatch_ItemsUnavailable_RetriedAndWritten()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Faults.UnavailableFirstWrites = 2;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var results = await new ServiceNowRecordWriter(client).WriteBatchAsync(
            [Sn.Update(1, "TDS Shipped", 1), Sn.Update(2, "TDS Shipped", 1)], CancellationToken.None);

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(emulator.CommittedWrites, Has.Count.EqualTo(4));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.BatchRequests], Is.EqualTo(2));
    }

    [Test]
    public async Task WriteBatch_AFatalAnswerToOnePiece_LeavesThePiecesStillWaitingUnsent()
    {
        // One request at a time, two pieces of one PO each (PO record and a line): the first is answered with the
        // hibernation page, which is no transient failure, so the other is not sent and fails with it.
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Hibernating = true;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator, o => o.MaxBatchItems = 2);
        var updates = Enumerable.Range(1, 2).Select(i => Sn.Update(i, "TDS Shipped", 1)).ToList();

        var error = Assert.ThrowsAsync<SyncException>(() => new ServiceNowRecordWriter(client, maxConcurrentRequests: 1).WriteBatchAsync(updates, CancellationToken.None));

        Assert.That(error!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Requests], Is.EqualTo(1), "the piece still waiting was not sent");
    }

    [Test]
    public async Task WriteBatch_InstanceHibernating_ThrowsHtmlMessage()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.Hibernating = true;
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var error = Assert.ThrowsAsync<SyncException>(() => new ServiceNowRecordWriter(client).WriteBatchAsync([Sn.Update(1, "TDS Shipped")], CancellationToken.None));

        Assert.That(error!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.StartWith("ServiceNow answered an HTML page (instance hibernating?)"));
    }

    [Test]
    public async Task WriteBatch_EmptyUpdate_SucceedsWithoutRequest()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator);
        var empty = new StatusUpdate(Sn.Po(1), Sn.Number(1), new Dictionary<string, string>(), []);

        var result = (await new ServiceNowRecordWriter(client).WriteBatchAsync([empty], CancellationToken.None)).Single();

        Assert.That(result.Succeeded, Is.True);
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Requests], Is.Zero);
    }
}
