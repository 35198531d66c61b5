using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// Listens to the connector's <see cref="ConnectorMetrics.Meter"/> and keeps running totals per instrument and label
/// set: counters as sums, histograms as cumulative buckets plus sum and count. It also remembers each remote
/// system's last answer, which the page and <c>orderstatusflow_upstream_up</c> show.
/// </summary>
sealed class MetricsCollector : IDisposable
{
    static readonly double[] CycleBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800];
    static readonly double[] RequestBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<(string Name, string Labels), Series> _series = new();
    readonly ConcurrentDictionary<string, UpstreamState> _upstream = new(StringComparer.Ordinal);

    public MetricsCollector(TimeProvider time)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectorMetrics.MeterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags, time));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags, time));
        _listener.Start();
    }

    /// <summary>Instruments that have recorded at least once, by name, with their label sets.</summary>
    public IReadOnlyList<KeyValuePair<(string Name, string Labels), Series>> Snapshot() =>
        [.. _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Labels, StringComparer.Ordinal)];

    /// <summary>Each system's last answer: whether it was usable and when.</summary>
    public IReadOnlyDictionary<string, UpstreamState> Upstream => _upstream;

    void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, TimeProvider time)
    {
        var labels = Labels(tags);
        var histogram = instrument is Histogram<double>;
        var series = _series.GetOrAdd((instrument.Name, labels), _ => new Series(
            histogram ? (instrument.Name.StartsWith("orderstatusflow_cycle", StringComparison.Ordinal) ? CycleBuckets : RequestBuckets) : null,
            instrument.Description ?? ""));
        series.Record(value);
        if (instrument.Name == "orderstatusflow_upstream_request_duration_seconds")
        {
            string? system = null, result = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "system") system = tag.Value as string;
                if (tag.Key == "result") result = tag.Value as string;
            }
            if (system is not null)
                _upstream[system] = new UpstreamState(result is "2xx" or "3xx" or "4xx", result ?? "", time.GetUtcNow());
        }
    }

    static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
            return "";
        var parts = new List<string>(tags.Length);
        foreach (var tag in tags)
            parts.Add($"{tag.Key}=\"{Escape(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture))}\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(",", parts);
    }

    public static string Escape(string? value) =>
        (value ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public void Dispose() => _listener.Dispose();

    /// <summary>One time series: a counter's sum, or a histogram's buckets, sum and count.</summary>
    public sealed class Series(double[]? bounds, string help)
    {
        readonly Lock _lock = new();
        readonly long[] _buckets = new long[(bounds?.Length ?? 0) + 1];

        public string Help { get; } = help;
        public double[]? Bounds { get; } = bounds;
        public double Sum { get; private set; }
        public long Count { get; private set; }

        public void Record(double value)
        {
            lock (_lock)
            {
                Sum += value;
                Count++;
                if (Bounds is null)
                    return;
                var i = 0;
                while (i < Bounds.Length && value > Bounds[i])
                    i++;
                _buckets[i]++;
            }
        }

        /// <summary>Cumulative counts per upper bound (the last is +Inf), with sum and count, read together.</summary>
        public (long[] Cumulative, double Sum, long Count) Read()
        {
            lock (_lock)
            {
                var cumulative = new long[_buckets.Length];
                long running = 0;
                for (var i = 0; i < _buckets.Length; i++)
                    cumulative[i] = running += _buckets[i];
                return (cumulative, Sum, Count);
            }
        }
    }
}
