using System.Globalization;
using System.Text;

namespace OrderStatusFlow.Bench.ActivityLog;

/// <summary>What <c>bench log</c> measured, and its text report.</summary>
sealed class LogBenchResult
{
    public sealed record Day(int Number, long FileBytes, long Events);

    public required LogBenchSettings Settings { get; init; }
    public List<Day> Days { get; } = [];
    public int Cycles { get; set; }
    public long EntriesWritten { get; set; }
    public TimeSpan WriteTime { get; set; }
    public List<TimeSpan> FullCycleWrites { get; } = [];
    public int RetentionPasses { get; set; }
    public int RetentionSteps { get; set; }
    public long EventsRetired { get; set; }
    public TimeSpan LongestRetentionHold { get; set; }
    public string LongestRetentionStep { get; set; } = "";
    public List<TimeSpan> RetentionHolds { get; } = [];
    public long LastBytes { get; set; }
    public long GrowthAfterFirstCycle { get; set; }
    public long RecordUnchangedBytes { get; set; }
    public double RecordUnchangedGrowthPerDay { get; set; }
    public int RecordUnchangedHours { get; set; }
    public List<AnalystQueryTimer.Timing> Queries { get; } = [];
    public List<AnalystQueryTimer.Timing> LatestStatus { get; } = [];

    public string ToText()
    {
        var s = Settings;
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"bench log: {s.Pos:N0} POs, {s.Days} days at {s.Interval:c}, {s.ChangesPerDay:P0} changing per day, {s.Failing} failing, {s.NotFound} notFound, retention {s.Retention:c}, recordUnchanged false");
        text.AppendLine("day   file MB  growth MB   events");
        for (var i = 0; i < Days.Count; i++)
        {
            var growth = Days[i].FileBytes - (i == 0 ? 0 : Days[i - 1].FileBytes);
            text.AppendLine(inv, $"{Days[i].Number,3}  {Mb(Days[i].FileBytes),8}  {Mb(growth),9}  {Days[i].Events,7:N0}");
        }
        if (Days.Count > 2)
        {
            var steady = Days.Skip(1).Take(Math.Min(Days.Count - 1, (int)s.Retention.TotalDays - 1)).ToList();
            var perDay = steady.Count > 0 ? (steady[^1].FileBytes - Days[0].FileBytes) / (double)(steady.Count) : 0;
            text.AppendLine(inv, $"growth per day before retention applies (days 2-{steady[^1].Number}): {perDay / 1048576.0:0.00} MB; day 1 includes the {s.Pos:N0} po_state rows");
        }
        text.AppendLine(inv, $"file at day {Days.Count}: {Mb(Days.Count > 0 ? Days[^1].FileBytes : LastBytes)} MB");
        text.AppendLine(inv, $"recordUnchanged true: {RecordUnchangedHours} h simulated, {Mb(RecordUnchangedBytes)} MB, {RecordUnchangedGrowthPerDay / 1048576.0:0} MB per day (extrapolated)");
        var full = FullCycleWrites.OrderBy(t => t).ToList();
        text.AppendLine(inv, $"writer: {EntriesWritten:N0} entries in {WriteTime.TotalSeconds:0.0} s = {EntriesWritten / Math.Max(WriteTime.TotalSeconds, 1e-9):N0} entries/s; " +
                             $"a full cycle ({s.Pos:N0} POs) median {(full.Count > 0 ? full[full.Count / 2].TotalMilliseconds : 0):0} ms, max {(full.Count > 0 ? full[^1].TotalMilliseconds : 0):0} ms");
        var holds = RetentionHolds.OrderBy(t => t).ToList();
        text.AppendLine(inv, $"retention: {RetentionPasses} passes, {RetentionSteps} steps, {EventsRetired:N0} events removed; write-lock hold per step: " +
                             $"median {Ms(holds, 0.5)} ms, 99th percentile {Ms(holds, 0.99)} ms, longest {LongestRetentionHold.TotalMilliseconds:0.0} ms ({LongestRetentionStep}), " +
                             $"{holds.Count(h => h > TimeSpan.FromMilliseconds(50))} steps over 50 ms");
        text.AppendLine(inv, $"analyst queries (docs/analyst-sql.md) at day {Days.Count}, median of {s.QueryRuns} runs:");
        foreach (var q in Queries.Concat(LatestStatus))
            text.AppendLine(inv, $"  {q.Median.TotalMilliseconds,7:0.00} ms (max {q.Max.TotalMilliseconds,6:0.00})  {q.Rows,6} rows  {q.Name}");
        return text.ToString();
    }

    static string Ms(List<TimeSpan> sorted, double quantile) =>
        sorted.Count == 0 ? "-" : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))].TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture);
}
