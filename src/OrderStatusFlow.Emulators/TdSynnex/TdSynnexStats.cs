using System.Collections.Concurrent;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>Thread-safe request counters of the TD SYNNEX emulator, also served at <c>GET /_emulator/stats</c>.</summary>
public sealed class TdSynnexStats
{
    readonly ConcurrentDictionary<string, int> _statusByPo = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, int> _invoiceByPo = new(StringComparer.OrdinalIgnoreCase);
    long _status;
    long _invoice;
    long _authFailures;
    long _faults;
    int _inFlight;
    int _maxInFlight;

    public long StatusRequests => Interlocked.Read(ref _status);
    public long InvoiceRequests => Interlocked.Read(ref _invoice);
    public long AuthenticationFailures => Interlocked.Read(ref _authFailures);
    public long FaultsInjected => Interlocked.Read(ref _faults);

    /// <summary>The most requests that were being processed at once (after the capacity queue).</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    public int StatusRequestsFor(string poNumber) => _statusByPo.GetValueOrDefault(poNumber);
    public int InvoiceRequestsFor(string poNumber) => _invoiceByPo.GetValueOrDefault(poNumber);

    internal void CountStatus(string poNumber)
    {
        Interlocked.Increment(ref _status);
        _statusByPo.AddOrUpdate(poNumber, 1, (_, n) => n + 1);
    }

    internal void CountInvoice(string poNumber)
    {
        Interlocked.Increment(ref _invoice);
        _invoiceByPo.AddOrUpdate(poNumber, 1, (_, n) => n + 1);
    }

    internal void CountAuthFailure() => Interlocked.Increment(ref _authFailures);
    internal void CountFault() => Interlocked.Increment(ref _faults);

    internal IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        return new Exit(this);
    }

    public object Snapshot() => new
    {
        status = StatusRequests,
        invoice = InvoiceRequests,
        authenticationFailures = AuthenticationFailures,
        faultsInjected = FaultsInjected,
        maxConcurrent = MaxConcurrent,
        statusByPo = new SortedDictionary<string, int>(_statusByPo),
        invoiceByPo = new SortedDictionary<string, int>(_invoiceByPo),
    };

    sealed class Exit(TdSynnexStats stats) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref stats._inFlight);
    }
}
