using OrderStatusFlow.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The single background writer: batching, concurrency, durability, checkpoints, lock errors.</summary>
public sealed class ActivityLogWriterTests
{
    [Test]
    public async Task RecordEventsAsync_ConcurrentCallers_LoseNothing()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        var callers = Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            for (var call = 0; call < 50; call++)
            {
                var entries = Enumerable.Range(0, 10)
                    .Select(i => Event(runId, (caller * 1000) + (call * 10) + i))
                    .ToList();
                await db.Log.RecordEventsAsync(entries, CancellationToken.None);
            }
        }));
        await Task.WhenAll(callers);

        Assert.Multiple(() =>
        {
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(4000));
            Assert.That(db.Scalar<long>("SELECT COUNT(DISTINCT po_number) FROM sync_events"), Is.EqualTo(4000));
        });
    }

    [Test]
    public async Task RecordEventsAsync_QueuedWhileWriterWaits_WrittenInFewTransactions()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        var commitsBefore = db.Log.Writer.Commits;

        var pending = await WhileWriteLockedAsync(db, () =>
            Enumerable.Range(1, 50).Select(po => db.Log.RecordEventsAsync([Event(runId, po)], CancellationToken.None)).ToList());
        await Task.WhenAll(pending);

        Assert.Multiple(() =>
        {
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(50));
            Assert.That(db.Log.Writer.Commits - commitsBefore, Is.InRange(1, 2));
        });
    }

    [Test]
    public async Task RecordEventsAsync_MaxEventsPerTransaction_CapsEachTransaction()
    {
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions { MaxEventsPerTransaction = 10 });
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        var commitsBefore = db.Log.Writer.Commits;

        var pending = await WhileWriteLockedAsync(db, () =>
            Enumerable.Range(1, 50).Select(po => db.Log.RecordEventsAsync([Event(runId, po)], CancellationToken.None)).ToList());
        await Task.WhenAll(pending);

        Assert.That(db.Log.Writer.Commits - commitsBefore, Is.InRange(5, 6));
    }

    [Test]
    public async Task RecordEventsAsync_SecondConnectionReadsWhileWriterWrites()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        using var reader = db.OpenReader();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sync_events";
        var reads = new List<long>();

        for (var batch = 0; batch < 100; batch++)
        {
            var writing = db.Log.RecordEventsAsync(
                Enumerable.Range(0, 20).Select(i => Event(runId, (batch * 20) + i)).ToList(), CancellationToken.None);
            reads.Add((long)count.ExecuteScalar()!); // reads during the write: never blocked, never an error
            await writing;
            var committed = (long)count.ExecuteScalar()!;
            Assert.That(committed, Is.EqualTo((batch + 1) * 20), "a completed RecordEventsAsync must be visible to readers");
            reads.Add(committed);
        }

        Assert.That(reads, Is.Ordered);
    }

    [Test]
    public async Task RecordEventsAsync_ReaderHoldsOpenSnapshot_WriterIsNotBlocked()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([Event(runId, 1)], CancellationToken.None);
        using var reader = db.OpenReader();
        using var transaction = reader.BeginTransaction();
        using var count = reader.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT COUNT(*) FROM sync_events";
        var before = (long)count.ExecuteScalar()!;

        for (var batch = 0; batch < 10; batch++)
        {
            await db.Log.RecordEventsAsync([Event(runId, 100 + batch)], CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10));
        }

        var inSnapshot = (long)count.ExecuteScalar()!;
        transaction.Commit();
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(1));
            Assert.That(inSnapshot, Is.EqualTo(1), "a reader keeps its snapshot while the writer commits");
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(11));
        });
    }

    [Test]
    public async Task Checkpoints_ManyCommits_KeepWalSmall()
    {
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions { CheckpointEveryCommits = 10 });
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        for (var commit = 0; commit < 400; commit++)
        {
            await db.Log.RecordEventsAsync(
                Enumerable.Range(0, 20).Select(i => Event(runId, (commit * 20) + i)).ToList(), CancellationToken.None);
        }

        // Without our checkpoints the WAL grows to SQLite's auto-checkpoint size (1000 pages, about 4 MB) here;
        // with them it stays near what 10 commits touch (events, their indexes and po_state).
        // The writer checkpoints right after completing the callers, hence the wait.
        await Wait.UntilAsync(() => db.Log.Writer.Checkpoints >= 40, "checkpoints ran");
        Assert.That(new FileInfo(db.WalPath).Length, Is.LessThan(2 * 1024 * 1024));
    }

    [Test]
    public async Task Checkpoints_IntervalElapsed_RunsPassiveCheckpoint()
    {
        var time = new FakeTimeProvider();
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions
        {
            CheckpointEveryCommits = 1_000_000, CheckpointInterval = TimeSpan.FromMinutes(1), TimeProvider = time,
        });
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([Event(runId, 1)], CancellationToken.None);
        var before = db.Log.Writer.Checkpoints;

        time.Advance(TimeSpan.FromSeconds(61));
        await db.Log.RecordEventsAsync([Event(runId, 2)], CancellationToken.None);

        Assert.That(before, Is.Zero);
        await Wait.UntilAsync(() => db.Log.Writer.Checkpoints == 1, "checkpoint after the interval");
    }

    [Test]
    public async Task DisposeAsync_AfterWrites_FlushesAndTruncatesWal()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        var writes = Enumerable.Range(0, 20).Select(i => db.Log.RecordEventsAsync([Event(runId, i)], CancellationToken.None)).ToList();

        await db.Log.DisposeAsync();

        await Task.WhenAll(writes);
        Assert.Multiple(() =>
        {
            Assert.That(!File.Exists(db.WalPath) || new FileInfo(db.WalPath).Length == 0, Is.True, "WAL left behind");
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(20));
        });
    }

    // The writer waits out a held lock for UnavailableTimeout (5 min by default) before failing the write: 2 s here.
    [Test]
    public async Task RecordEventsAsync_LockedPastBusyTimeout_ThrowsTransientWithoutConnectionString()
    {
        await using var db = await TempActivityLog.CreateAsync(new SqliteActivityLogOptions
        {
            BusyTimeout = TimeSpan.FromMilliseconds(200),
            UnavailableTimeout = TimeSpan.FromSeconds(2),
        });
        using var blocker = OpenBlocker(db);

        var error = Assert.ThrowsAsync<SyncException>(() => db.Log.RecordEventsAsync([Event(1, 1)], CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Transient));
            Assert.That(error.Message, Does.Contain(db.DbPath).And.Contain("lock"));
            Assert.That(error.Message, Does.Match(@"for [0-9]+ s"), "it says how long it waited before giving up");
            Assert.That(error.Message, Does.Not.Contain("Data Source").And.Not.Contain("Pooling"));
        });
    }

    /// <summary>Holds the write lock from another connection while <paramref name="enqueue"/> queues writes.</summary>
    private static async Task<List<Task>> WhileWriteLockedAsync(TempActivityLog db, Func<List<Task>> enqueue)
    {
        List<Task> pending;
        using (OpenBlocker(db))
        {
            pending = enqueue();
            await Task.Yield();
            Assert.That(pending.All(t => !t.IsCompleted), Is.True, "writes completed while the file was locked");
        }

        return pending;
    }

    private static SqliteConnection OpenBlocker(TempActivityLog db)
    {
        var connection = new SqliteConnection($"Data Source={db.DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        return connection; // disposing rolls back and releases the lock
    }
}
