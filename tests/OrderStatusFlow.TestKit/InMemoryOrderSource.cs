using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// POs held in memory, yielded one by one like pages from ServiceNow. Counts what it yielded (to observe
/// back-pressure) and applies writes from a <see cref="CollectingRecordWriter"/> so a second cycle sees them.
/// </summary>
public sealed class InMemoryOrderSource : IOrderSource
{
    readonly Lock _lock = new();
    readonly List<PurchaseOrder> _orders;
    int _yielded;
    int _reads;

    public InMemoryOrderSource(IEnumerable<PurchaseOrder> orders) => _orders = orders.ToList();

    public InMemoryOrderSource(params PurchaseOrder[] orders) : this((IEnumerable<PurchaseOrder>)orders)
    {
    }

    /// <summary>POs yielded over all reads.</summary>
    public int YieldedCount => Volatile.Read(ref _yielded);

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Thrown by the next read after <see cref="FailAfter"/> POs.</summary>
    public Exception? Failure { get; set; }

    public int FailAfter { get; set; }

    public IReadOnlyList<PurchaseOrder> Orders
    {
        get { lock (_lock) return _orders.ToList(); }
    }

    public PurchaseOrder this[string number] => Orders.Single(o => o.Number == number);

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        var index = 0;
        foreach (var order in Orders)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (Failure is not null && index == FailAfter)
                throw Failure;
            index++;
            Interlocked.Increment(ref _yielded);
            yield return order;
        }
        if (Failure is not null && index <= FailAfter)
            throw Failure;
    }

    /// <summary>Puts a PO (back) into the open set.</summary>
    public void Add(PurchaseOrder po)
    {
        lock (_lock)
            _orders.Add(po);
    }

    /// <summary>Takes a PO out of the open set (closed or cancelled in ServiceNow); false when it was not there.</summary>
    public bool Remove(string number)
    {
        lock (_lock)
            return _orders.RemoveAll(o => o.Number == number) > 0;
    }

    /// <summary>Applies the fields of an update, as ServiceNow would.</summary>
    public void Apply(StatusUpdate update)
    {
        lock (_lock)
        {
            var i = _orders.FindIndex(o => o.SysId == update.PoSysId);
            if (i < 0)
                return;
            var po = _orders[i];
            var fields = new Dictionary<string, string>(po.Fields, StringComparer.Ordinal);
            foreach (var (k, v) in update.PoFields)
                fields[k] = v;
            var lines = po.Lines.Select(line =>
            {
                var change = update.Lines.FirstOrDefault(l => l.SysId == line.SysId);
                if (change is null)
                    return line;
                var lineFields = new Dictionary<string, string>(line.Fields, StringComparer.Ordinal);
                foreach (var (k, v) in change.Fields)
                    lineFields[k] = v;
                return new PurchaseOrderLine(line.SysId, lineFields, line.Number);
            }).ToList();
            _orders[i] = new PurchaseOrder(po.SysId, po.Number, fields, lines) { Schema = po.Schema, SkipReason = po.SkipReason };
        }
    }
}
