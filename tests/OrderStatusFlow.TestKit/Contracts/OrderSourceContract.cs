using NUnit.Framework;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit.Contracts;

/// <summary>
/// What every <see cref="IOrderSource"/> promises (see its documentation): each open PO once per read, with its lines;
/// reading does not consume (a second read gives the same POs); a cancelled read stops with
/// <see cref="OperationCanceledException"/>; a source that cannot be read throws <see cref="SyncException"/>.
/// Subclass once per implementation: the in-memory fake and ServiceNow over its emulator.
/// </summary>
public abstract class OrderSourceContract
{
    /// <summary>A source holding <paramref name="count"/> open POs, each with at least one line.</summary>
    protected abstract Task<IOrderSource> CreateAsync(int count);

    /// <summary>A source whose system refuses or cannot be reached.</summary>
    protected abstract Task<IOrderSource> CreateUnreadableAsync();

    static async Task<List<PurchaseOrder>> ReadAllAsync(IOrderSource source, CancellationToken cancellationToken = default)
    {
        var all = new List<PurchaseOrder>();
        await foreach (var po in source.ReadOpenOrdersAsync(cancellationToken))
            all.Add(po);
        return all;
    }

    [Test]
    public async Task ReadOpenOrders_YieldsEachPoOnceWithItsLines()
    {
        var source = await CreateAsync(7);

        var orders = await ReadAllAsync(source);

        Assert.That(orders, Has.Count.EqualTo(7));
        Assert.That(orders.Select(o => o.SysId).Distinct().Count(), Is.EqualTo(7));
        Assert.That(orders.Select(o => o.Number), Has.All.Not.Empty);
        Assert.That(orders.Select(o => o.Lines.Count), Has.All.GreaterThan(0));
        Assert.That(orders.SelectMany(o => o.Lines).Select(l => l.SysId).Distinct().Count(), Is.EqualTo(orders.Sum(o => o.Lines.Count)));
    }

    [Test]
    public async Task ReadOpenOrders_Twice_GivesTheSamePos()
    {
        var source = await CreateAsync(5);

        var first = await ReadAllAsync(source);
        var second = await ReadAllAsync(source);

        Assert.That(second.Select(o => o.SysId), Is.EquivalentTo(first.Select(o => o.SysId)));
    }

    [Test]
    public async Task ReadOpenOrders_Cancelled_ThrowsOperationCanceled()
    {
        var source = await CreateAsync(3);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await ReadAllAsync(source, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task ReadOpenOrders_Unreadable_ThrowsSyncException()
    {
        var source = await CreateUnreadableAsync();

        Assert.That(async () => await ReadAllAsync(source), Throws.InstanceOf<SyncException>());
    }
}
