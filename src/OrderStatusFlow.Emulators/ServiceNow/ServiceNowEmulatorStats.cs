using System.Collections.Concurrent;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>Request counters by kind, thread-safe; also served as JSON by <c>GET /_emulator/stats</c>.</summary>
public sealed class ServiceNowEmulatorStats
{
    public const string Requests = "requests";
    public const string TableReads = "table_reads";
    public const string TableWrites = "table_writes";
    public const string BatchRequests = "batch_requests";
    public const string BatchItems = "batch_items";
    public const string Patches = "patches";
    public const string OAuth = "oauth";
    public const string RateLimited = "rate_limited";
    public const string Unauthorized = "unauthorized";
    public const string Unserviced = "unserviced";
    public const string TransactionsCancelled = "transactions_cancelled";

    /// <summary>The most Batch API requests the instance was working on at the same time.</summary>
    public const string BatchInFlightMax = "batch_in_flight_max";

    readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    /// <summary>The counter for <paramref name="kind"/>; per-table reads are <c>table_reads:{table}</c>.</summary>
    public long this[string kind] => _counters.TryGetValue(kind, out var value) ? value : 0;

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counters, StringComparer.Ordinal);

    internal void Add(string kind, long count = 1) => _counters.AddOrUpdate(kind, count, (_, v) => v + count);

    int _batchInFlight;

    internal void BatchStarted()
    {
        long now = Interlocked.Increment(ref _batchInFlight);
        _counters.AddOrUpdate(BatchInFlightMax, now, (_, most) => Math.Max(most, now));
    }

    internal void BatchEnded() => Interlocked.Decrement(ref _batchInFlight);
}
