using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;
using OrderStatusFlow.ServiceNow.OpenOrders;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>The scheduler's cheap read: the open POs' headers, then lines only for the POs a cycle handles.</summary>
public sealed class ServiceNowHeaderReadTests
{
    [Test]
    public async Task ReadOpenHeaders_ThenLinesOfTwo_ReadsNoOtherLines()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(25));
        using var client = Sn.Client(emulator, o => o.PageSize = 10);
        var source = new ServiceNowOrderSource(client);

        var headers = new List<PurchaseOrder>();
        await foreach (var po in source.ReadOpenHeadersAsync(CancellationToken.None))
            headers.Add(po);
        var lineReadsAfterHeaders = emulator.Stats["table_reads:proc_po_item"];
        var chosen = headers.Where(h => h.Number == Sn.Number(3) || h.Number == Sn.Number(17)).ToList();
        var withLines = new List<PurchaseOrder>();
        await foreach (var po in source.ReadLinesAsync(chosen, CancellationToken.None))
            withLines.Add(po);

        Assert.Multiple(() =>
        {
            Assert.That(headers, Has.Count.EqualTo(25));
            Assert.That(headers.All(h => h.Lines.Count == 0), Is.True, "headers only");
            Assert.That(lineReadsAfterHeaders, Is.Zero, "no line read for the headers");
            Assert.That(emulator.Stats["table_reads:proc_po"], Is.EqualTo(3), "25 POs in pages of 10");
            Assert.That(withLines.Select(p => p.Number), Is.EquivalentTo(new[] { Sn.Number(3), Sn.Number(17) }));
            Assert.That(withLines.All(p => p.Lines.Count == 3 && p.Lines.All(l => l["purchase_order"] == p.SysId)), Is.True);
            Assert.That(emulator.Stats["table_reads:proc_po_item"], Is.EqualTo(1), "one bulk line read for both");
        });
    }

    [Test]
    public async Task ReadLines_HandsOutTheFirstPosOnceTheirOwnLineQueryIsIn_NotAfterEveryQueryOfThePage()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(6));
        using var client = Sn.Client(emulator, o => o.LineQueryChunkSize = 2);
        var source = new ServiceNowOrderSource(client);
        var headers = new List<PurchaseOrder>();
        await foreach (var po in source.ReadOpenHeadersAsync(CancellationToken.None))
            headers.Add(po);

        long? lineQueriesAtFirstPo = null;
        var withLines = new List<PurchaseOrder>();
        await foreach (var po in source.ReadLinesAsync(headers, CancellationToken.None))
        {
            lineQueriesAtFirstPo ??= emulator.Stats["table_reads:proc_po_item"];
            withLines.Add(po);
        }

        // Six POs, two per query: three queries. The first PO comes with its own query answered and at most the next
        // one read ahead; before, all three were read before any PO of the page was handed out.
        Assert.That(lineQueriesAtFirstPo, Is.LessThanOrEqualTo(2));
        Assert.That(emulator.Stats["table_reads:proc_po_item"], Is.EqualTo(3));
        Assert.That(withLines.Select(p => p.Number), Is.EqualTo(headers.Select(h => h.Number)), "in the order given");
        Assert.That(withLines.All(p => p.Lines.Count == 3), Is.True);
    }
}
