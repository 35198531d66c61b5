using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite.Queries;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>po_state: one row per PO, updated by every entry, whether or not it becomes an event.</summary>
public sealed class PoStateTests
{
    [Test]
    public async Task RecordEvents_StateOnlyEntry_UpdatesPoStateWithoutAnEvent()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var run1 = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([Event(run1, 1, SyncOutcome.Updated, newStatus: "TDS Released", at: T0)], CancellationToken.None);
        var run2 = await db.Log.StartRunAsync(Run(T0.AddMinutes(5)), CancellationToken.None);

        await db.Log.RecordEventsAsync([Event(run2, 1, newStatus: "TDS Released", at: T0.AddMinutes(5)) with { StateOnly = true }], CancellationToken.None);

        var state = await ActivityLogQueries.Open(db.DbPath).PoStateAsync(PoNumber(1));
        Assert.Multiple(() =>
        {
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(1));
            Assert.That(state, Is.Not.Null);
            Assert.That(state!.Status, Is.EqualTo("TDS Released"));
            Assert.That(state.LastOutcome, Is.EqualTo("unchanged"));
            Assert.That(state.LastRunId, Is.EqualTo(run2));
            Assert.That(state.LastCheckedAt, Is.EqualTo("2026-11-27T08:05:00.000Z"));
            Assert.That(state.LastChangedAt, Is.EqualTo("2026-11-27T08:00:00.000Z"), "an unchanged cycle does not move the change time");
            Assert.That(state.ConsecutiveFailures, Is.Zero);
        });
    }

    [Test]
    public async Task RecordEvents_FailuresInARowThenRecovery_CountsStreakAndClearsIt()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var queries = OrderStatusFlow.Sqlite.Queries.ActivityLogQueries.Open(db.DbPath);
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([Event(run, 1, newStatus: "TDS Accepted", at: T0)], CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await db.Log.RecordEventsAsync([Event(run, 1, SyncOutcome.Failed, newStatus: "TDS Accepted", at: T0.AddMinutes(i), error: $"boom {i}")], CancellationToken.None);
        }

        var failing = await queries.PoStateAsync(PoNumber(1));
        var open = await queries.OpenFailuresAsync();
        await db.Log.RecordEventsAsync([Event(run, 1, SyncOutcome.Updated, newStatus: "TDS Shipped", at: T0.AddMinutes(4))], CancellationToken.None);
        var recovered = await queries.PoStateAsync(PoNumber(1));

        Assert.Multiple(() =>
        {
            Assert.That(failing!.ConsecutiveFailures, Is.EqualTo(3));
            Assert.That(failing.FailingSince, Is.EqualTo("2026-11-27T08:01:00.000Z"));
            Assert.That(failing.LastError, Is.EqualTo("boom 3"));
            Assert.That(failing.Status, Is.EqualTo("TDS Accepted"));
            Assert.That(open.Select(f => (f.PoNumber, f.FailingSince, f.At, f.ConsecutiveFailures, f.Error)),
                Is.EqualTo(new[] { (PoNumber(1), "2026-11-27T08:01:00.000Z", "2026-11-27T08:03:00.000Z", 3L, (string?)"boom 3") }));
            Assert.That(recovered!.ConsecutiveFailures, Is.Zero);
            Assert.That(recovered.FailingSince, Is.Null);
            Assert.That(recovered.LastError, Is.Null);
            Assert.That(recovered.Status, Is.EqualTo("TDS Shipped"));
            Assert.That(recovered.LastChangedAt, Is.EqualTo("2026-11-27T08:04:00.000Z"));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM v_open_failures"), Is.Zero);
        });
    }

    [Test]
    public async Task FinishRun_AllCounters_StoredOnTheRun()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        await db.Log.FinishRunAsync(new RunSummary
        {
            RunId = run, FinishedAt = T0.AddSeconds(3), OrdersSeen = 20, OrdersUpdated = 2, OrdersUnchanged = 14,
            OrdersSkipped = 1, OrdersFailed = 3, OrdersWouldUpdate = 0, Writes = 6,
        }, CancellationToken.None);

        var row = db.Query<(long, long, long, long, long, long, long)>(
            "SELECT orders_seen, orders_updated, orders_unchanged, orders_skipped, orders_failed, orders_would_update, writes FROM sync_runs").Single();
        Assert.That(row, Is.EqualTo((20L, 2L, 14L, 1L, 3L, 0L, 6L)));
    }

    [Test]
    public async Task NotFoundStreaks_UnchangedCyclesNotRecorded_StillBrokenByAFoundAnswer()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([NotFound(run, 1), NotFound(run, 2)], CancellationToken.None);
        // PO 1 is found again in a cycle that records no event (unchanged), then notFound once more.
        await db.Log.RecordEventsAsync([Event(run, 1) with { StateOnly = true }, NotFound(run, 2)], CancellationToken.None);
        await db.Log.RecordEventsAsync([NotFound(run, 1), NotFound(run, 2)], CancellationToken.None);

        var streaks = await db.Log.GetNotFoundStreaksAsync(CancellationToken.None);

        Assert.That(streaks, Is.EqualTo(new Dictionary<string, int> { [PoSysId(1)] = 1, [PoSysId(2)] = 3 }));
    }
}
