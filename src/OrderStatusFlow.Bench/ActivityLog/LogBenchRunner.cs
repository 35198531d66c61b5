using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Bench.ActivityLog;

/// <summary>
/// <c>bench log</c>: drives the activity log's real writer (<see cref="SqliteActivityLog"/>: the same requests,
/// transactions and po_state upserts as the service) and its real retention pass through simulated days in virtual
/// time, without HTTP or rules; then times every documented analyst query on the result.
/// </summary>
static class LogBenchRunner
{
    public static async Task<LogBenchResult> RunAsync(LogBenchSettings s, TextWriter progress, CancellationToken cancellationToken)
    {
        // The simulated days end now, so the doc's "today" and "yesterday" queries find their rows.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddDays(-s.Days);
        var folder = s.Folder ?? Directory.CreateTempSubdirectory("osf-bench-log-").FullName;
        Directory.CreateDirectory(folder);
        try
        {
            var cyclesPerDay = (int)(TimeSpan.FromDays(1) / s.Interval);
            var result = new LogBenchResult { Settings = s };
            var defaults = Path.Combine(folder, "default.db");
            await SimulateAsync(defaults, start, s, s.Days * cyclesPerDay, recordUnchanged: false, result, progress, cancellationToken);
            result.Queries.AddRange(AnalystQueryTimer.TimeDocQueries(defaults, s.AnalystDoc, s.QueryRuns));

            var unchanged = new LogBenchResult { Settings = s };
            var hours = Math.Max(1, s.UnchangedHours);
            await SimulateAsync(Path.Combine(folder, "record-unchanged.db"), start, s, hours * (int)(TimeSpan.FromHours(1) / s.Interval),
                recordUnchanged: true, unchanged, progress, cancellationToken);
            result.RecordUnchangedBytes = unchanged.Days.Count > 0 ? unchanged.Days[^1].FileBytes : unchanged.LastBytes;
            result.RecordUnchangedGrowthPerDay = unchanged.GrowthAfterFirstCycle * (cyclesPerDay / (double)Math.Max(1, unchanged.Cycles - 1));
            result.RecordUnchangedHours = hours;

            result.LatestStatus.AddRange(await LatestStatusAsync(Path.Combine(folder, "latest-status.db"), start, s, cancellationToken));
            return result;
        }
        finally
        {
            if (s.Folder is null)
                Directory.Delete(folder, recursive: true);
        }
    }

    static async Task SimulateAsync(string path, DateTimeOffset start, LogBenchSettings s, int cycles, bool recordUnchanged, LogBenchResult result,
        TextWriter progress, CancellationToken cancellationToken)
    {
        var cyclesPerDay = (int)(TimeSpan.FromDays(1) / s.Interval);
        var cyclesPerHour = Math.Max(1, (int)(TimeSpan.FromHours(1) / s.Interval));
        var workload = new LogBenchWorkload(s);
        var write = new Stopwatch();
        var firstCycleBytes = 0L;
        await using (var log = await SqliteActivityLog.OpenAsync(path, new SqliteActivityLogOptions { RetentionPause = TimeSpan.Zero }, cancellationToken))
        {
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var at = start + (s.Interval * cycle);
                var runId = await log.StartRunAsync(new RunStart("order-status", at, "9f2c4e1a7b3d", false), cancellationToken);
                var full = recordUnchanged || cycle % s.StateEvery == 0;
                var entries = workload.Cycle(runId, cycle, at, full, recordUnchanged, out var tally);
                var started = write.Elapsed;
                write.Start();
                await log.RecordEventsAsync(entries, cancellationToken);
                write.Stop();
                if (full)
                    result.FullCycleWrites.Add(write.Elapsed - started);
                result.EntriesWritten += entries.Count;
                await log.FinishRunAsync(new RunSummary
                {
                    RunId = runId, FinishedAt = at.AddSeconds(40), OrdersSeen = s.Pos, OrdersUpdated = tally.Updated,
                    OrdersUnchanged = tally.Unchanged, OrdersSkipped = tally.Skipped, OrdersFailed = tally.Failed,
                    Writes = tally.Writes, RulesVersion = "9f2c4e1a7b3d",
                }, cancellationToken);
                result.Cycles++;

                if ((cycle + 1) % cyclesPerHour == 0)
                {
                    var pass = log.RunRetention(s.Retention, at, cancellationToken);
                    result.RetentionPasses++;
                    result.RetentionSteps += pass.Steps;
                    result.EventsRetired += pass.EventsDeleted;
                    result.RetentionHolds.AddRange(pass.LockHolds);
                    if (pass.LongestLockHold > result.LongestRetentionHold)
                    {
                        result.LongestRetentionHold = pass.LongestLockHold;
                        result.LongestRetentionStep = pass.LongestStep;
                    }
                }

                if (cycle == 0)
                    firstCycleBytes = Checkpoint(path);
                if ((cycle + 1) % cyclesPerDay == 0)
                {
                    var bytes = Checkpoint(path);
                    var events = CountEvents(path);
                    result.Days.Add(new LogBenchResult.Day(result.Days.Count + 1, bytes, events));
                    progress.WriteLine($"  day {result.Days.Count,3}: {bytes / 1048576.0,8:0.0} MB, {events,9:N0} events");
                }
            }
        }

        result.WriteTime += write.Elapsed;
        result.LastBytes = new FileInfo(path).Length;
        result.GrowthAfterFirstCycle = result.LastBytes - firstCycleBytes;
    }

    // The writer checkpoints passively as it goes; a truncating checkpoint makes the database file's size the data's.
    static long Checkpoint(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
        return new FileInfo(path).Length;
    }

    static long CountEvents(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sync_events;";
        return (long)command.ExecuteScalar()!;
    }

    static async Task<IReadOnlyList<AnalystQueryTimer.Timing>> LatestStatusAsync(string path, DateTimeOffset start, LogBenchSettings s, CancellationToken cancellationToken)
    {
        var big = s with { Pos = s.LatestStatusPos, Failing = 0, NotFound = 0, ChangesPerDay = 0 };
        await using (var log = await SqliteActivityLog.OpenAsync(path, cancellationToken: cancellationToken))
        {
            var runId = await log.StartRunAsync(new RunStart("order-status", start, "9f2c4e1a7b3d", false), cancellationToken);
            await log.RecordEventsAsync(new LogBenchWorkload(big).Cycle(runId, 0, start, true, false, out _), cancellationToken);
        }

        return AnalystQueryTimer.Time(path, s.QueryRuns,
        [
            ($"v_latest_status, every row ({s.LatestStatusPos:N0} POs)", "SELECT po_number, status, at FROM v_latest_status;"),
            ($"v_latest_status, POs per status ({s.LatestStatusPos:N0} POs)", "SELECT status, COUNT(*) FROM v_latest_status GROUP BY status;"),
            ("v_latest_status, one PO", "SELECT * FROM v_latest_status WHERE po_number = 'PO0050000';"),
        ]);
    }
}
