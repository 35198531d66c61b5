using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// ServiceNow's Table API reads over the simulated records, counting the requests the real source would make:
/// one per page of POs (200), one per 100 POs whose lines are read.
/// </summary>
internal sealed class WorldSource(SimulatedWorld world) : IOrderSource
{
    const int PageSize = 200, LineChunk = 100;

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var open = world.OpenRecords();
        world.CountServiceNowRequests(Pages(open.Count, PageSize) + Pages(open.Count, LineChunk));
        foreach (var po in open)
            yield return po;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var open = world.OpenRecords();
        world.CountServiceNowRequests(Pages(open.Count, PageSize));
        foreach (var po in open)
            yield return po; // the simulated record carries its lines; the real source reads them in ReadLinesAsync
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PurchaseOrder> ReadLinesAsync(IReadOnlyList<PurchaseOrder> headers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        world.CountServiceNowRequests(Pages(headers.Count, LineChunk));
        foreach (var po in headers)
            yield return po;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    static int Pages(int count, int size) => Math.Max(1, (count + size - 1) / size);
}
