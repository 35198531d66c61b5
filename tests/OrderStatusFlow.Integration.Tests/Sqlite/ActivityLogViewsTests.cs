using OrderStatusFlow.Core.Domain;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The contract views <c>v_latest_status</c> and <c>v_failures</c>.</summary>
public sealed class ActivityLogViewsTests
{
    [Test]
    public async Task VLatestStatus_SeveralEvents_NewStatusOfLatestEventThatHasOne()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync(
        [
            Event(run, 1, newStatus: "TDS Accepted", at: T0),
            Event(run, 2, newStatus: "TDS Released", at: T0),
            Event(run, 1, SyncOutcome.Updated, newStatus: "TDS Shipped", at: T0.AddMinutes(1)),
            // Later events without a label (TD SYNNEX not reached, notFound, empty) do not hide the known one.
            Event(run, 1, SyncOutcome.Failed, tds: null, newStatus: null, at: T0.AddMinutes(2)),
            Event(run, 2, SyncOutcome.Skipped, newStatus: "", at: T0.AddMinutes(2)),
            NotFound(run, 3),
        ], CancellationToken.None);

        var rows = db.Query<(string Po, string Status, string At)>("SELECT po_number, status, at FROM v_latest_status ORDER BY po_number");

        Assert.That(rows, Is.EqualTo(new[]
        {
            (PoNumber(1), "TDS Shipped", "2026-11-27T08:01:00.000Z"),
            (PoNumber(2), "TDS Released", "2026-11-27T08:00:00.000Z"),
        }));
    }

    [Test]
    public async Task VFailures_FailedEvents_EveryFailureNewestFirst()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync(
        [
            Event(run, 1, SyncOutcome.Failed, error: "first", at: T0),
            Event(run, 2, SyncOutcome.Updated, at: T0.AddSeconds(1)),
            Event(run, 2, SyncOutcome.Failed, error: "second", at: T0.AddSeconds(2)),
            Event(run, 1, SyncOutcome.Unchanged, at: T0.AddSeconds(3)),
            Event(run, 3, SyncOutcome.Failed, error: "third", at: T0.AddSeconds(4)),
        ], CancellationToken.None);

        var rows = db.Query<(string At, long RunId, string Po, string Error)>("SELECT at, run_id, po_number, error FROM v_failures");

        Assert.That(rows, Is.EqualTo(new[]
        {
            ("2026-11-27T08:00:04.000Z", run, PoNumber(3), "third"),
            ("2026-11-27T08:00:02.000Z", run, PoNumber(2), "second"),
            ("2026-11-27T08:00:00.000Z", run, PoNumber(1), "first"),
        }));
    }
}
