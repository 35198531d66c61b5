using System.Collections.Concurrent;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// When the fallback invoice query (<see cref="InvoiceNeed.Fallback"/>) is due for a PO: once
/// <paramref name="interval"/> has passed since the PO's invoices were last asked for, or, for a PO not asked about
/// since the process started, since its waiting shipment's date (a PO shipped long ago is asked at its first check;
/// so is one without a ship date). <see cref="TimeSpan.Zero"/> makes every check due. Kept in memory (a restart asks
/// at most once more per waiting PO); entries older than the interval are dropped, since they are due either way.
/// Safe to use concurrently.
/// </summary>
internal sealed class InvoiceFallbackClock(TimeSpan interval)
{
    readonly ConcurrentDictionary<string, DateTimeOffset> _asked = new(StringComparer.Ordinal);
    long _prunedAtTicks = DateTimeOffset.MinValue.UtcTicks;

    public TimeSpan Interval => interval;

    /// <summary>POs remembered (asked within the last interval, or not pruned yet).</summary>
    public int Count => _asked.Count;

    /// <summary>True when the fallback query is due for <paramref name="key"/> at <paramref name="now"/>.</summary>
    public bool IsDue(string key, DateTimeOffset? waitingSince, DateTimeOffset now)
    {
        if (interval <= TimeSpan.Zero)
            return true;
        var since = _asked.TryGetValue(key, out var asked) ? asked : waitingSince;
        return since is not { } from || now - from >= interval;
    }

    /// <summary>Records that the invoice query was asked for <paramref name="key"/> (whatever the reason).</summary>
    public void Asked(string key, DateTimeOffset now)
    {
        if (interval <= TimeSpan.Zero)
            return;
        _asked[key] = now;
        var pruned = Interlocked.Read(ref _prunedAtTicks);
        if (now.UtcTicks - pruned < Math.Max(interval.Ticks, TimeSpan.TicksPerHour) || Interlocked.CompareExchange(ref _prunedAtTicks, now.UtcTicks, pruned) != pruned)
            return;
        foreach (var (po, at) in _asked)
            if (now - at >= interval)
                _asked.TryRemove(new KeyValuePair<string, DateTimeOffset>(po, at));
    }

    /// <summary>Forgets every PO, as a restart does.</summary>
    public void Clear() => _asked.Clear();
}
