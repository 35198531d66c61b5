using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Stages;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Stages;

public sealed class UpdateBatcherTests
{
    readonly FakeTimeProvider _time = new();

    UpdateBatcher Batcher(int size = 3) => new(size, TimeSpan.FromSeconds(2), 10, _time, Serilog.Core.Logger.None);

    static OrderWorkItem NeedsWrite(string number)
    {
        var item = new OrderWorkItem(Some.PurchaseOrder(number))
        {
        };
        item.Update = new StatusUpdate(item.Po.SysId, number, new Dictionary<string, string> { ["u_tds_order_status"] = "TDS Shipped" }, []);
        return item;
    }

    // Every batch the batcher hands on until its output completes.
    static async Task<List<IReadOnlyList<OrderWorkItem>>> AllBatchesAsync(UpdateBatcher batcher)
    {
        var batches = new List<IReadOnlyList<OrderWorkItem>>();
        while (await Wait.ForAsync(batcher.Source.OutputAvailableAsync(), "the next batch or the end"))
            batches.Add(await batcher.Source.ReceiveAsync());
        return batches;
    }

    static OrderWorkItem Unchanged(string number)
    {
        var item = new OrderWorkItem(Some.PurchaseOrder(number));
        item.Outcome = SyncOutcome.Unchanged;
        return item;
    }

    [Test]
    public async Task Batcher_SizeReached_FlushesWithoutWaiting()
    {
        var batcher = Batcher(size: 3);

        foreach (var n in new[] { "A", "B", "C" })
            await batcher.Target.SendAsync(NeedsWrite(n));

        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "a full batch");
        Assert.That(batch.Select(i => i.Po.Number), Is.EqualTo(new[] { "A", "B", "C" }));
    }

    [Test]
    public async Task Batcher_FlushAfterElapsedSinceTheFirstItem_FlushesAPartialBatch()
    {
        var batcher = Batcher(size: 10);
        await batcher.Target.SendAsync(NeedsWrite("A"));
        await Wait.UntilAsync(() => batcher.PendingCount == 1, "A to wait in the batch");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        await batcher.Target.SendAsync(NeedsWrite("B"));
        await Wait.UntilAsync(() => batcher.PendingCount == 2, "B to join A");

        _time.Advance(TimeSpan.FromSeconds(0.4));
        Assert.That(batcher.Source.TryReceive(out _), Is.False, "1.9 s after the first item: not yet");

        _time.Advance(TimeSpan.FromSeconds(0.1));
        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the batch to flush 2 s after its first item");
        Assert.That(batch.Select(i => i.Po.Number), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public async Task Batcher_TimerOfAFlushedBatch_DoesNotFlushTheNextOneEarly()
    {
        var batcher = Batcher(size: 2);
        await batcher.Target.SendAsync(NeedsWrite("A"));
        await batcher.Target.SendAsync(NeedsWrite("B"));
        await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the full batch");
        _time.Advance(TimeSpan.FromSeconds(1));
        await batcher.Target.SendAsync(NeedsWrite("C"));
        await Wait.UntilAsync(() => batcher.PendingCount == 1, "C to wait");

        _time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.That(batcher.Source.TryReceive(out _), Is.False, "C arrived 1.5 s ago");
    }

    [Test]
    public async Task Batcher_ItemWithNothingToWrite_PassesStraightThrough()
    {
        var batcher = Batcher(size: 10);
        await batcher.Target.SendAsync(NeedsWrite("A"));

        await batcher.Target.SendAsync(Unchanged("B"));

        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the unchanged item");
        Assert.That(batch.Single().Po.Number, Is.EqualTo("B"));
        Assert.That(batcher.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Batcher_Completed_FlushesTheRestAndCompletesItsOutput()
    {
        var batcher = Batcher(size: 10);
        await batcher.Target.SendAsync(NeedsWrite("A"));

        batcher.Target.Complete();

        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the last batch");
        Assert.That(batch.Single().Po.Number, Is.EqualTo("A"));
        await Wait.ForAsync(batcher.Source.Completion, "the output to complete");
    }

    [Test]
    public async Task Batcher_Completed_SplitsTheLastBatchAcrossTheWriters()
    {
        var batcher = new UpdateBatcher(50, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 4 };
        for (var i = 0; i < 10; i++)
            await batcher.Target.SendAsync(NeedsWrite($"P{i}"));

        batcher.Target.Complete();

        var batches = await AllBatchesAsync(batcher);
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 2, 2, 3, 3 }), "ten updates in four near-equal pieces");
            Assert.That(batches.SelectMany(b => b).Select(i => i.Po.Number), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"P{i}")), "each once, in order");
        });
    }

    [Test]
    public async Task Batcher_Completed_DoesNotSplitBatchesFlushedBySize()
    {
        var batcher = new UpdateBatcher(4, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 8 };
        for (var i = 0; i < 5; i++)
            await batcher.Target.SendAsync(NeedsWrite($"P{i}"));

        batcher.Target.Complete();

        var batches = await AllBatchesAsync(batcher);
        Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 4, 1 }), "a full batch goes out whole; one update left is one piece");
    }

    [Test]
    public async Task Batcher_AFullBatchThatTurnsOutToBeTheLast_IsSplitAcrossTheWriters()
    {
        var batcher = new UpdateBatcher(8, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 4 };
        for (var i = 0; i < 8; i++)
            await batcher.Target.SendAsync(NeedsWrite($"P{i}"));

        batcher.Target.Complete();

        var batches = await AllBatchesAsync(batcher);
        Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 2, 2, 2, 2 }), "the full last batch in four pieces, not one batch of 8");
        Assert.That(batches.SelectMany(b => b).Select(i => i.Po.Number), Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"P{i}")));
    }

    [Test]
    public async Task Batcher_AFullBatchKeptBack_GoesOutWholeWhenTheNextItemArrives()
    {
        var batcher = new UpdateBatcher(3, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 4 };
        foreach (var n in new[] { "A", "B", "C" })
            await batcher.Target.SendAsync(NeedsWrite(n));
        await Wait.UntilAsync(() => batcher.HeldCount == 3, "the full batch to be kept back");
        Assert.That(batcher.Source.TryReceive(out _), Is.False, "kept back: it may be the last batch");

        await batcher.Target.SendAsync(NeedsWrite("D"));

        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the full batch once D arrived");
        Assert.That(batch.Select(i => i.Po.Number), Is.EqualTo(new[] { "A", "B", "C" }));
        await Wait.UntilAsync(() => batcher.PendingCount == 1, "D to wait for its own batch");
    }

    [Test]
    public async Task Batcher_AFullBatchKeptBack_GoesOutWholeAfterTheHoldWhenNothingElseArrives()
    {
        var batcher = new UpdateBatcher(3, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 4 };
        foreach (var n in new[] { "A", "B", "C" })
            await batcher.Target.SendAsync(NeedsWrite(n));
        await Wait.UntilAsync(() => batcher.HeldCount == 3, "the full batch to be kept back");

        _time.Advance(batcher.FullBatchHold - TimeSpan.FromMilliseconds(1));
        Assert.That(batcher.Source.TryReceive(out _), Is.False, "not before the hold is over");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var batch = await Wait.ForAsync(batcher.Source.ReceiveAsync(), "the full batch after the hold");
        Assert.That(batch.Select(i => i.Po.Number), Is.EqualTo(new[] { "A", "B", "C" }));
    }

    [Test]
    public async Task Batcher_MarkLastBatch_HandsTheRestOverWholeAsTheLastBatch()
    {
        var batcher = new UpdateBatcher(4, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { LastBatchPieces = 8, MarkLastBatch = true };
        for (var i = 0; i < 7; i++)
            await batcher.Target.SendAsync(NeedsWrite($"P{i}"));

        batcher.Target.Complete();

        var batches = await AllBatchesAsync(batcher);
        Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 4, 3 }));
        Assert.That(batches.Select(b => b is LastBatch), Is.EqualTo(new[] { false, true }), "only the rest is the last batch, and it is not split");
    }

    [Test]
    public async Task Batcher_MarkLastBatch_AFullLastBatchIsTheLastBatchToo()
    {
        var batcher = new UpdateBatcher(4, TimeSpan.FromSeconds(2), 64, _time, Serilog.Core.Logger.None) { MarkLastBatch = true };
        for (var i = 0; i < 8; i++)
            await batcher.Target.SendAsync(NeedsWrite($"P{i}"));

        batcher.Target.Complete();

        var batches = await AllBatchesAsync(batcher);
        Assert.That(batches.Select(b => b.Count), Is.EqualTo(new[] { 4, 4 }));
        Assert.That(batches.Select(b => b is LastBatch), Is.EqualTo(new[] { false, true }));
    }
}
