using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// ServiceNow's Table API reads over the simulated records, counting the requests the real source would make:
/// one per page of POs (200; keyset paging stops at the first short page, so a full last page costs one more,
/// empty, read), one per 100 POs whose lines are read (none when no PO is). <c>bench week --transport both</c>
/// checks these counts against the ServiceNow emulator's.
/// </summary>
internal sealed class WorldSource(SimulatedWorld world) : IOrderSource
{
    const int PageSize = 200, LineChunk = 100;

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var open = world.OpenRecords();
        world.CountServiceNowRequests(HeaderPages(open.Count) + Pages(open.Count, LineChunk));
        foreach (var po in open)
            yield return po;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var open = world.OpenRecords();
        world.CountServiceNowRequests(HeaderPages(open.Count));
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

    static int HeaderPages(int count) => count / PageSize + 1;

    static int Pages(int count, int size) => (count + size - 1) / size;
}
