using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// Records when every HTTP request of this process starts and ends, by server port, from the runtime's own
/// <c>http.client.active_requests</c> counter (System.Net.Http meter): the connector's clients are not touched.
/// <see cref="Summarize"/> turns one cycle's window into a <see cref="CycleTimeline"/>.
/// </summary>
sealed class HttpTimeline : IDisposable
{
    readonly MeterListener _listener = new();
    readonly List<(long Timestamp, int Port, int Delta)> _events = [];
    readonly Lock _lock = new();

    public HttpTimeline()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.active_requests")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    void OnMeasurement(Instrument instrument, long delta, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var port = 0;
        foreach (var tag in tags)
            if (tag.Key == "server.port")
                port = Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
            _events.Add((now, port, (int)delta));
    }

    /// <summary>The requests to <paramref name="tdsPort"/> and <paramref name="snPort"/> between two timestamps.</summary>
    public CycleTimeline Summarize(long start, long end, int tdsPort, int snPort, int tdsCapacity)
    {
        List<(long Timestamp, int Port, int Delta)> events;
        lock (_lock)
            events = _events.Where(e => e.Timestamp >= start && e.Timestamp <= end).OrderBy(e => e.Timestamp).ToList();
        double Seconds(long t) => (double)(t - start) / Stopwatch.Frequency;
        var tds = events.Where(e => e.Port == tdsPort).ToList();
        var sn = events.Where(e => e.Port == snPort).ToList();
        // Time-weighted TD SYNNEX requests in flight between the first start and the last end, and the time all
        // slots were busy.
        double busy = 0, full = 0;
        var inFlight = 0;
        for (var i = 0; i < tds.Count; i++)
        {
            inFlight += tds[i].Delta;
            if (i + 1 < tds.Count)
            {
                var span = Seconds(tds[i + 1].Timestamp) - Seconds(tds[i].Timestamp);
                busy += inFlight * span;
                if (inFlight >= tdsCapacity)
                    full += span;
            }
        }
        var first = tds.FirstOrDefault(e => e.Delta > 0);
        var last = tds.LastOrDefault(e => e.Delta < 0);
        var window = tds.Count == 0 ? 0 : Seconds(last.Timestamp) - Seconds(first.Timestamp);
        return new CycleTimeline
        {
            Seconds = Seconds(end),
            FirstServiceNowRequest = sn.Count == 0 ? null : Seconds(sn.First(e => e.Delta > 0).Timestamp),
            FirstTdSynnexRequest = tds.Count == 0 ? null : Seconds(first.Timestamp),
            LastTdSynnexAnswer = tds.Count == 0 ? null : Seconds(last.Timestamp),
            LastServiceNowAnswer = sn.Count == 0 ? null : Seconds(sn.Last(e => e.Delta < 0).Timestamp),
            TdSynnexInFlightAverage = window > 0 ? busy / window : 0,
            TdSynnexAllSlotsBusyShare = window > 0 ? full / window : 0,
        };
    }

    public void Dispose() => _listener.Dispose();
}
