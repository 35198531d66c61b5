using System.Collections.Concurrent;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// Answers per PO number with a scripted status or exception (default: accepted). Counts calls per PO and in
/// flight; an optional <see cref="Gate"/> holds every call until opened.
/// </summary>
public sealed class ScriptedStatusProvider : IStatusProvider
{
    readonly ConcurrentDictionary<string, Func<OrderStatus>> _script = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    int _total;
    int _inFlight;

    public Func<PurchaseOrder, OrderStatus> Default { get; set; } = _ => Some.OrderStatus();

    /// <summary>When set, every call waits here (cancellable) before answering.</summary>
    public Gate? Gate { get; set; }

    public int TotalCalls => Volatile.Read(ref _total);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int CallsFor(string poNumber) => _calls.GetValueOrDefault(poNumber);

    public ScriptedStatusProvider Returns(string poNumber, OrderStatus status)
    {
        _script[poNumber] = () => status;
        return this;
    }

    public ScriptedStatusProvider Throws(string poNumber, Exception exception)
    {
        _script[poNumber] = () => throw exception;
        return this;
    }

    public async Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken)
    {
        // As the real provider: a cancelled call asks nothing and throws (the contract tests hold both to it).
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _total);
        _calls.AddOrUpdate(order.Number, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (Gate is { } gate)
                await gate.PassAsync(cancellationToken).ConfigureAwait(false);
            else
                await Task.Yield();
            return _script.TryGetValue(order.Number, out var answer) ? answer() : Default(order);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
