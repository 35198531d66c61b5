using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.TestKit;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Queries;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Retention removes old runs, their events and old rule loads in small steps, and the file shrinks.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset _now = T0.AddDays(40);

    [Test]
    public async Task RunRetention_OldAndNewRows_RemovesOnlyRowsBeforeTheCutoff()
    {
        await using var db = await TempActivityLog.CreateAsync();
        await FillAsync(db.Log, days: 40, posPerRun: 50);
        await RuleLoadAsync(db.Log, T0, "r1", "active");
        await RuleLoadAsync(db.Log, T0.AddDays(1), "r2", "rejected");
        await RuleLoadAsync(db.Log, _now.AddDays(-1), "r3", "rejected");
        var statesBefore = db.Scalar<long>("SELECT COUNT(*) FROM po_state");

        var result = db.Log.RunRetention(TimeSpan.FromDays(10), _now);

        Assert.Multiple(() =>
        {
            Assert.That(result.Cutoff, Is.EqualTo("2026-12-27T08:00:00.000Z"));
            Assert.That(db.Scalar<string>("SELECT MIN(started_at) FROM sync_runs"), Is.GreaterThanOrEqualTo(result.Cutoff));
            Assert.That(db.Scalar<string>("SELECT MIN(at) FROM sync_events"), Is.GreaterThanOrEqualTo(result.Cutoff));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_runs"), Is.EqualTo(10));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(10 * 50));
            Assert.That(result.RunsDeleted, Is.EqualTo(30));
            Assert.That(result.EventsDeleted, Is.EqualTo(30 * 50));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events WHERE run_id NOT IN (SELECT run_id FROM sync_runs)"), Is.Zero);
            // The old rejected load goes; the latest active load stays (it is the rule set in force), as does the recent one.
            Assert.That(db.Query<string>("SELECT rules_version FROM rule_loads ORDER BY load_id"), Is.EqualTo(new[] { "r1", "r3" }));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM po_state"), Is.EqualTo(statesBefore), "po_state is the current state, never aged out");
        });
    }

    [Test]
    public async Task RunRetention_SmallStepTarget_UsesManySmallStepsAndShrinksTheFile()
    {
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions
        {
            RetentionStepTarget = TimeSpan.FromTicks(1), RetentionPause = TimeSpan.Zero,
        });
        await FillAsync(db.Log, days: 30, posPerRun: 200);
        await db.ReopenAsync(new SqliteActivityLogOptions { RetentionStepTarget = TimeSpan.FromTicks(1), RetentionPause = TimeSpan.Zero });
        var sizeBefore = new FileInfo(db.DbPath).Length;

        var result = db.Log.RunRetention(TimeSpan.FromDays(1), T0.AddDays(30));
        await db.ReopenAsync(); // checkpoints the WAL into the file

        Assert.Multiple(() =>
        {
            Assert.That(result.EventsDeleted, Is.EqualTo(29 * 200));
            Assert.That(result.Steps, Is.GreaterThan(29 * 200 / 500), "a step target this small keeps every batch at its minimum size");
            Assert.That(result.PagesFreed, Is.GreaterThan(0));
            Assert.That(result.LongestLockHold, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(db.Scalar<long>("PRAGMA freelist_count;"), Is.Zero);
            Assert.That(new FileInfo(db.DbPath).Length, Is.LessThan(sizeBefore / 2));
        });
    }

    [Test]
    public async Task RunRetention_WhileTheWriterWrites_BothComplete()
    {
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions { RetentionPause = TimeSpan.Zero });
        await FillAsync(db.Log, days: 20, posPerRun: 100);
        var run = await db.Log.StartRunAsync(Run(_now), CancellationToken.None);

        var retention = Task.Run(() => db.Log.RunRetention(TimeSpan.FromDays(2), T0.AddDays(20)));
        for (var i = 0; i < 50; i++)
        {
            await db.Log.RecordEventsAsync([Event(run, 5000 + i, SyncOutcome.Updated, at: _now)], CancellationToken.None);
        }

        var result = await Wait.ForAsync(retention, "the retention pass");
        Assert.That(result.EventsDeleted, Is.EqualTo(18 * 100));
        Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events WHERE run_id = @run", new { run }), Is.EqualTo(50));
    }

    [Test]
    public async Task ScheduleRetention_Background_RecordsTheRetentionInForceForInfo()
    {
        var time = new FakeTimeProvider(T0.AddDays(3));
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions { TimeProvider = time });
        await FillAsync(db.Log, days: 3, posPerRun: 5);

        db.Log.ScheduleRetention(TimeSpan.FromDays(1));
        await Wait.UntilAsync(() => db.Log.LastRetention is not null || db.Log.LastRetentionError is not null, "the background pass");
        var info = await ActivityLogQueries.Open(db.DbPath).InfoAsync();

        Assert.Multiple(() =>
        {
            Assert.That(db.Log.LastRetentionError, Is.Null);
            Assert.That(info.Retention, Is.EqualTo("1.00:00:00"));
            Assert.That(info.RetentionLastCutoff, Is.EqualTo("2026-11-29T08:00:00.000Z"));
            Assert.That(info.OldestRunAt, Is.EqualTo("2026-11-29T08:00:00.000Z"));
            Assert.That(info.Runs, Is.EqualTo(1));
            Assert.That(info.Events, Is.EqualTo(5));
            Assert.That(info.PurchaseOrders, Is.EqualTo(5));
            Assert.That(info.AutoVacuum, Is.EqualTo("incremental"));
            Assert.That(ActivityLogQueries.FormatInfo(info), Does.Contain("retention:        1.00:00:00").And.Contain("oldest run kept:  2026-11-29T08:00:00.000Z"));
        });
    }

    /// <summary>One run a day (at T0 + day), each with an updated event for every PO.</summary>
    private static async Task FillAsync(SqliteActivityLog log, int days, int posPerRun)
    {
        for (var day = 0; day < days; day++)
        {
            var at = T0.AddDays(day);
            var run = await log.StartRunAsync(Run(at), CancellationToken.None);
            await log.RecordEventsAsync(
                Enumerable.Range(1, posPerRun).Select(po => Event(run, po, SyncOutcome.Updated, newStatus: "TDS Shipped", at: at) with
                {
                    FieldsJson = "{\"proc_po\":{\"u_tds_tracking\":\"" + new string('1', 200) + "\"}}",
                }).ToList(), CancellationToken.None);
            await log.FinishRunAsync(new RunSummary { RunId = run, FinishedAt = at.AddSeconds(1), OrdersSeen = posPerRun }, CancellationToken.None);
        }
    }

    private static Task RuleLoadAsync(SqliteActivityLog log, DateTimeOffset at, string version, string outcome) =>
        log.RecordRuleLoadAsync(new RuleLoadEntry { At = at, RulesVersion = version, Outcome = outcome, FilesJson = "[]" }, CancellationToken.None);
}
