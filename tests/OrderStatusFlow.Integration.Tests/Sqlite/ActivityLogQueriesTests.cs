using OrderStatusFlow.Sqlite.Queries;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

public sealed class ActivityLogQueriesTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 27, 8, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task OpenFailuresAsync_TextAndCursor_FilterAndPageThePoStateRows()
    {
        await using var db = await PopulatedAsync();
        var queries = ActivityLogQueries.Open(db.DbPath);

        var first = await queries.OpenFailuresAsync("PERMISSION", after: null, limit: 1);
        var next = await queries.OpenFailuresAsync(null, ActivityLogQueries.OpenFailureCursor(first[0]), limit: 1);
        var none = await queries.OpenFailuresAsync("no such text", after: null, limit: 10);

        Assert.Multiple(async () =>
        {
            Assert.That(first.Select(f => f.PoNumber), Is.EqualTo(new[] { "PO0010005" }));
            Assert.That(next, Is.Empty, "the only open failure was on the first page");
            Assert.That(none, Is.Empty);
            Assert.That(await queries.OpenFailureCountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ResolvedFailuresAsync_Populated_PoThatFailedThenRecovered_PagedByEventId()
    {
        await using var db = await PopulatedAsync();
        var queries = ActivityLogQueries.Open(db.DbPath);

        var resolved = await queries.ResolvedFailuresAsync(null, long.MaxValue, 10);
        var afterIt = await queries.ResolvedFailuresAsync(null, resolved[0].EventId, 10);
        var filtered = await queries.ResolvedFailuresAsync("PO0010005", long.MaxValue, 10);

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Select(r => r.PoNumber), Is.EqualTo(new[] { "PO0010007" }), "PO0010005 still fails: not resolved");
            Assert.That(string.CompareOrdinal(resolved[0].ResolvedAt, resolved[0].FailedAt), Is.GreaterThan(0));
            Assert.That(afterIt, Is.Empty);
            Assert.That(filtered, Is.Empty);
        });
    }

    [Test]
    public async Task LastRunsAsync_Populated_NewestFirstWithDurations()
    {
        await using var db = await PopulatedAsync();

        var runs = await ActivityLogQueries.Open(db.DbPath).LastRunsAsync(4);

        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.RunId), Is.EqualTo(new long[] { 6, 5, 4, 3 }));
            Assert.That(runs[0].DurationSeconds, Is.EqualTo(1.5));
            Assert.That(runs[0].DryRun, Is.True);
            Assert.That(runs[1].DryRun, Is.False);
            Assert.That(runs[0].OrdersSeen, Is.EqualTo(20));
            Assert.That(runs[1].OrdersFailed, Is.EqualTo(1));
            Assert.That(runs[0].RulesVersion, Is.EqualTo("r3"));
        });
    }

    [Test]
    public async Task OpenFailuresAsync_Populated_OnlyPosWhoseLatestEventFailed()
    {
        await using var db = await PopulatedAsync();

        var failures = await ActivityLogQueries.Open(db.DbPath).OpenFailuresAsync();

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].PoNumber, Is.EqualTo("PO0010005"));
            Assert.That(failures[0].RunId, Is.EqualTo(6));
            Assert.That(failures[0].ConsecutiveFailures, Is.EqualTo(2));
            Assert.That(failures[0].Error, Does.StartWith("permission:"));
        });
    }

    [Test]
    public async Task PoHistoryAsync_Po_EveryEventOldestFirst()
    {
        await using var db = await PopulatedAsync();

        var history = await ActivityLogQueries.Open(db.DbPath).PoHistoryAsync("PO0010007");

        Assert.Multiple(() =>
        {
            Assert.That(history.Select(e => e.RunId), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
            Assert.That(history.Select(e => e.Outcome),
                Is.EqualTo(new[] { "updated", "updated", "unchanged", "failed", "unchanged", "would_update" }));
            Assert.That(history.All(e => e.PoSysId == PoSysId(10007)), Is.True);
        });
    }

    [Test]
    public async Task Queries_WhileServiceWrites_ReadWithoutBlocking()
    {
        await using var db = await PopulatedAsync();
        var queries = ActivityLogQueries.Open(db.DbPath);
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        for (var batch = 0; batch < 20; batch++)
        {
            var writing = db.Log.RecordEventsAsync(
                Enumerable.Range(0, 50).Select(i => Event(run, 10001 + i % 20)).ToList(), CancellationToken.None);
            var history = await queries.PoHistoryAsync("PO0010001");
            await writing;
            Assert.That(history, Has.Count.GreaterThanOrEqualTo(6 + (batch * 3)));
        }

        Assert.That(await queries.PoHistoryAsync("PO0010001"), Has.Count.EqualTo(6 + (20 * 3)));
    }

    [Test]
    public async Task FormatRuns_Rows_FixedWidthTable()
    {
        await using var db = await PopulatedAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        var text = ActivityLogQueries.FormatRuns(await ActivityLogQueries.Open(db.DbPath).LastRunsAsync(3));

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(5));
            Assert.That(lines[0], Does.StartWith("run  pipeline      started"));
            Assert.That(lines[1], Does.Match("^-+  -+  -+"));
            Assert.That(lines[2], Does.StartWith($"{runId,-3}  order-status").And.Contain("running"));
            Assert.That(lines[3], Does.Contain("1.500").And.Contain("yes"));
            Assert.That(lines[0].IndexOf("started", StringComparison.Ordinal), Is.EqualTo(lines[3].IndexOf("2026-", StringComparison.Ordinal)));
        });
    }

    [Test]
    public async Task FormatFailuresAndHistory_Rows_OneLinePerRowLongCellsCut()
    {
        await using var db = await PopulatedAsync();
        var queries = ActivityLogQueries.Open(db.DbPath);

        var failures = ActivityLogQueries.FormatFailures(await queries.OpenFailuresAsync());
        var history = ActivityLogQueries.FormatHistory(await queries.PoHistoryAsync("PO0010005"));
        var none = ActivityLogQueries.FormatHistory(await queries.PoHistoryAsync("PO9999999"));

        Assert.Multiple(() =>
        {
            Assert.That(failures.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(3));
            Assert.That(failures, Does.Contain("PO0010005").And.Contain("permission: write to u_tds_order_status"));
            Assert.That(history.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(8));
            Assert.That(history.Split('\n').Max(l => l.Length), Is.LessThan(400));
            Assert.That(history, Does.Contain("…"));
            Assert.That(none, Does.EndWith("(no rows)\n"));
        });
    }

    [Test]
    public void Open_MissingFile_ThrowsWithHint()
    {
        var path = Path.Combine(Path.GetTempPath(), "osf-sqlite-tests", "missing", "nope.db");

        var error = Assert.Throws<FileNotFoundException>(() => ActivityLogQueries.Open(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("--db"));
    }

    private static async Task<TempActivityLog> PopulatedAsync()
    {
        var db = await TempActivityLog.CreateAsync();
        await SampleActivity.PopulateAsync(db.Log, _now);
        return db;
    }
}
