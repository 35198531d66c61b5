using System.Diagnostics;
using Dapper;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite.Queries;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>
/// One-off measurement at a million events (10,000 POs x 100 cycles), written through the real writer.
/// Run with: dotnet test tests/OrderStatusFlow.Integration.Tests --filter "Category=Benchmark" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("Writes about 300 MB and takes a minute; run on demand.")]
[Category("Benchmark")]
public sealed class MillionEventsBenchmark
{
    private const int Pos = 10_000;
    private const int Cycles = 100;
    private static readonly string[] _labels = ["TDS Accepted", "TDS Released", "TDS Backordered", "TDS Partial", "TDS Shipped", "TDS Invoiced"];

    [Test]
    public async Task MillionEvents_ViewsAndHotQueries_StayFast()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var write = Stopwatch.StartNew();
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var at = T0.AddSeconds(cycle * 5);
            var run = await db.Log.StartRunAsync(Run(at), CancellationToken.None);
            // The pipeline records per batch; several batches in flight at once.
            var batches = Enumerable.Range(0, Pos / 500).Select(b => db.Log.RecordEventsAsync(
                Enumerable.Range((b * 500) + 1, 500).Select(po => EventFor(run, po, cycle, at)).ToList(),
                CancellationToken.None));
            await Task.WhenAll(batches);
            await db.Log.FinishRunAsync(new RunSummary { RunId = run, FinishedAt = at.AddSeconds(2), OrdersSeen = Pos }, CancellationToken.None);
        }

        write.Stop();
        var events = db.Scalar<long>("SELECT COUNT(*) FROM sync_events");
        var report = new List<string>
        {
            $"events: {events:N0}, file: {new FileInfo(db.DbPath).Length / 1024 / 1024} MB, WAL: {new FileInfo(db.WalPath).Length / 1024} KB",
            $"write: {write.Elapsed.TotalSeconds:0.0} s ({events / write.Elapsed.TotalSeconds:N0} events/s, {db.Log.Writer.Commits} commits)",
        };

        var latest = Time(db, "SELECT * FROM v_latest_status", report);
        var failures = Time(db, "SELECT * FROM v_failures LIMIT 50", report);
        var history = Time(db, "SELECT * FROM sync_events WHERE po_number = 'PO0004242' ORDER BY event_id", report);
        var streakClock = Stopwatch.StartNew();
        var streaks = await db.Log.GetNotFoundStreaksAsync(CancellationToken.None);
        report.Add($"GetNotFoundStreaksAsync: {streakClock.Elapsed.TotalMilliseconds:0.0} ms ({streaks.Count} POs)");
        var queries = ActivityLogQueries.Open(db.DbPath);
        var openClock = Stopwatch.StartNew();
        var open = await queries.OpenFailuresAsync();
        report.Add($"OpenFailuresAsync: {openClock.Elapsed.TotalMilliseconds:0.0} ms ({open.Count} rows)");
        await TestContext.Out.WriteLineAsync(string.Join("\n", report));

        Assert.Multiple(() =>
        {
            Assert.That(events, Is.EqualTo(Pos * Cycles));
            Assert.That(latest.Rows, Is.EqualTo(Pos - 10)); // the 10 always-notFound POs have no label
            Assert.That(failures.Rows, Is.EqualTo(50));
            Assert.That(history.Rows, Is.EqualTo(Cycles));
            Assert.That(streaks, Has.Count.EqualTo(10 + 1));
            Assert.That(latest.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(failures.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(100)));
            Assert.That(history.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(100)));
        });
    }

    private static ActivityEntry EventFor(long run, int po, int cycle, DateTimeOffset at)
    {
        if (po <= 10)
        {
            return NotFound(run, po) with { At = at }; // never found
        }

        if (po == 11 && cycle >= Cycles - 3)
        {
            return NotFound(run, po) with { At = at }; // lately not found
        }

        var label = _labels[Math.Min(cycle / 10, po % 6)];
        var outcome = (po * 31 + cycle) % 100 == 0 ? SyncOutcome.Failed
            : cycle % 10 == 0 ? SyncOutcome.Updated : SyncOutcome.Unchanged;
        return Event(run, po, outcome, newStatus: label, at: at.AddMilliseconds(po % 1000));
    }

    /// <summary>Best of three runs on an analyst-style read-only connection (the first one is reported too).</summary>
    private static (int Rows, TimeSpan Elapsed) Time(TempActivityLog db, string sql, List<string> report)
    {
        using var connection = db.OpenReader();
        var times = new List<TimeSpan>();
        var rows = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var clock = Stopwatch.StartNew();
            rows = connection.Query(sql, buffered: true).Count();
            times.Add(clock.Elapsed);
        }

        report.Add($"{sql}: first {times[0].TotalMilliseconds:0.0} ms, best {times.Min().TotalMilliseconds:0.0} ms ({rows} rows)");
        return (rows, times.Min());
    }
}
