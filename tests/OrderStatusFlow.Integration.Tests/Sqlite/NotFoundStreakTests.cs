using OrderStatusFlow.Core.Domain;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

public sealed class NotFoundStreakTests
{
    [Test]
    public async Task GetNotFoundStreaksAsync_EmptyLog_Empty()
    {
        await using var db = await TempActivityLog.CreateAsync();

        var streaks = await db.Log.GetNotFoundStreaksAsync(CancellationToken.None);

        Assert.That(streaks, Is.Empty);
    }

    [Test]
    public async Task GetNotFoundStreaksAsync_ConsecutiveLatestNotFound_CountsPerSysId()
    {
        await using var db = await TempActivityLog.CreateAsync();
        await CyclesAsync(db,
            [NotFound(0, 1), Event(0, 2), NotFound(0, 3), Event(0, 4)],
            [NotFound(0, 1), NotFound(0, 2), NotFound(0, 3, SyncOutcome.Failed), Event(0, 4)],
            [NotFound(0, 1, code: "NOTFOUND"), NotFound(0, 2), NotFound(0, 3, SyncOutcome.Failed, code: "notfound"), Event(0, 4)]);

        var streaks = await db.Log.GetNotFoundStreaksAsync(CancellationToken.None);

        Assert.That(streaks, Is.EquivalentTo(new Dictionary<string, int>
        {
            [PoSysId(1)] = 3,
            [PoSysId(2)] = 2,
            [PoSysId(3)] = 3,
        }));
    }

    [Test]
    public async Task GetNotFoundStreaksAsync_FoundAgain_ResetsStreak()
    {
        await using var db = await TempActivityLog.CreateAsync();
        await CyclesAsync(db,
            [NotFound(0, 1), NotFound(0, 2)],
            [NotFound(0, 1), NotFound(0, 2)],
            [Event(0, 1), Event(0, 2, SyncOutcome.Failed, tds: null, newStatus: null)],
            [NotFound(0, 1)]);

        var streaks = await db.Log.GetNotFoundStreaksAsync(CancellationToken.None);

        // PO 1 found once in between: the streak starts again; PO 2's latest event (TD SYNNEX unreachable) ends it.
        Assert.That(streaks, Is.EquivalentTo(new Dictionary<string, int> { [PoSysId(1)] = 1 }));
    }

    private static async Task CyclesAsync(TempActivityLog db, params ActivityEntry[][] cycles)
    {
        foreach (var cycle in cycles)
        {
            var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
            await db.Log.RecordEventsAsync(cycle.Select(e => e with { RunId = run }).ToList(), CancellationToken.None);
        }
    }
}
