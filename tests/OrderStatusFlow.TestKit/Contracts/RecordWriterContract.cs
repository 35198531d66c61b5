using NUnit.Framework;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit.Contracts;

/// <summary>
/// What every <see cref="IRecordWriter"/> promises (see its documentation): one result per update, and a PO reported
/// written reads back with the values sent; writing the same update again succeeds and changes nothing (idempotent);
/// a cancelled call stops with <see cref="OperationCanceledException"/>. Subclass once per implementation: the
/// collecting fake over the in-memory source and ServiceNow over its emulator.
/// </summary>
public abstract class RecordWriterContract
{
    /// <summary>A writer and a source over the same records, holding <paramref name="count"/> open POs.</summary>
    protected abstract Task<(IRecordWriter Writer, IOrderSource Source)> CreateAsync(int count);

    static async Task<List<PurchaseOrder>> ReadAllAsync(IOrderSource source)
    {
        var all = new List<PurchaseOrder>();
        await foreach (var po in source.ReadOpenOrdersAsync(CancellationToken.None))
            all.Add(po);
        return all;
    }

    static StatusUpdate Shipped(PurchaseOrder po) => new(po.SysId, po.Number,
        new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped" },
        [new LineUpdate(po.Lines[0].SysId, po.Lines[0].Number ?? "1", new Dictionary<string, string> { ["u_tds_line_status"] = "Shipped" })]);

    [Test]
    public async Task WriteBatch_OneResultPerUpdate_AndTheSourceReadsTheValuesBack()
    {
        var (writer, source) = await CreateAsync(4);
        var updates = (await ReadAllAsync(source)).Take(3).Select(Shipped).ToList();

        var results = await writer.WriteBatchAsync(updates, CancellationToken.None);

        Assert.That(results.Select(r => (r.PoSysId, r.Succeeded)), Is.EquivalentTo(updates.Select(u => (u.PoSysId, true))));
        var after = (await ReadAllAsync(source)).ToDictionary(o => o.SysId);
        Assert.That(updates.Select(u => after[u.PoSysId]["u_tds_order_status"]), Has.All.EqualTo("TDS Shipped"));
        Assert.That(updates.Select(u => after[u.PoSysId].Lines.Single(l => l.SysId == u.Lines[0].SysId)["u_tds_line_status"]), Has.All.EqualTo("Shipped"));
        Assert.That(after.Values.Count(o => o["u_tds_order_status"] == "TDS Shipped"), Is.EqualTo(3), "a PO not in the batch was written");
    }

    [Test]
    public async Task WriteBatch_SameUpdateTwice_SucceedsBothTimesWithTheSameValues()
    {
        var (writer, source) = await CreateAsync(2);
        var update = Shipped((await ReadAllAsync(source))[0]);

        var first = await writer.WriteBatchAsync([update], CancellationToken.None);
        var second = await writer.WriteBatchAsync([update], CancellationToken.None);

        Assert.That((first.Single().Succeeded, second.Single().Succeeded), Is.EqualTo((true, true)));
        var po = (await ReadAllAsync(source)).Single(o => o.SysId == update.PoSysId);
        Assert.That(po["u_tds_order_status"], Is.EqualTo("TDS Shipped"));
    }

    [Test]
    public async Task WriteBatch_Cancelled_ThrowsOperationCanceled()
    {
        var (writer, source) = await CreateAsync(1);
        var update = Shipped((await ReadAllAsync(source))[0]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await writer.WriteBatchAsync([update], cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
