using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Retention;

/// <summary>
/// One retention pass on its own connection, beside the writer: deletes the events of runs started before the
/// cutoff, then those runs, then older rule loads (the latest active load is always kept), each in small write
/// transactions sized to stay near <see cref="SqliteActivityLogOptions.RetentionStepTarget"/>, with a pause between
/// them so the writer and analysts get the lock; then gives freed pages back with incremental vacuum (files created
/// with <c>auto_vacuum = INCREMENTAL</c>). Records the retention in force in <c>log_meta</c>.
/// </summary>
internal sealed class RetentionPass(SqliteConnection connection, SqliteActivityLogOptions options, int batch, CancellationToken cancellationToken)
{
    private const int MinBatch = 20, MaxBatch = 20_000, VacuumPagesPerStep = 128;
    private int _batch = Math.Clamp(batch, MinBatch, MaxBatch);
    private readonly List<TimeSpan> _holds = [];
    private TimeSpan _longest;
    private string _longestStep = "";

    /// <summary>The delete batch size the pass ended with; the next pass starts from it.</summary>
    public int Batch => _batch;

    public RetentionResult Run(DateTimeOffset now, TimeSpan retention)
    {
        var cutoff = ActivityLogTimestamps.ToText(now - retention);
        var lastOldRun = connection.ExecuteScalarOrNull(
            "SELECT run_id FROM sync_runs WHERE started_at < $cutoff ORDER BY started_at DESC LIMIT 1;", cutoff) ?? 0;
        var events = DeleteInBatches("events", "DELETE FROM sync_events WHERE event_id IN (SELECT event_id FROM sync_events WHERE run_id <= $key LIMIT $n);", lastOldRun);
        var runs = DeleteInBatches("runs", "DELETE FROM sync_runs WHERE run_id IN (SELECT run_id FROM sync_runs WHERE run_id <= $key LIMIT $n);", lastOldRun);
        var loads = DeleteInBatches("rule loads", """
            DELETE FROM rule_loads WHERE load_id IN (
                SELECT load_id FROM rule_loads WHERE at < $key
                  AND load_id <> IFNULL((SELECT MAX(load_id) FROM rule_loads WHERE outcome = 'active'), 0)
                LIMIT $n);
            """, cutoff);
        var pages = Vacuum();
        Step("meta", command =>
        {
            command.CommandText = """
                INSERT INTO log_meta(key, value) VALUES ('retention', $retention), ('retention_last_pass_at', $now),
                       ('retention_last_cutoff', $cutoff)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value;
                """;
            command.Parameters.AddWithValue("$retention", retention.ToString("c", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$now", ActivityLogTimestamps.ToText(now));
            command.Parameters.AddWithValue("$cutoff", cutoff);
            return command.ExecuteNonQuery();
        });
        return new RetentionResult
        {
            Cutoff = cutoff, RunsDeleted = runs, EventsDeleted = events, RuleLoadsDeleted = loads, PagesFreed = pages,
            Steps = _holds.Count, LongestLockHold = _longest, LongestStep = _longestStep, LockHolds = _holds,
        };
    }

    private long DeleteInBatches(string kind, string sql, object key)
    {
        var total = 0L;
        while (true)
        {
            var batch = _batch;
            var held = Step(kind, command =>
            {
                command.CommandText = sql;
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$n", batch);
                return command.ExecuteNonQuery();
            }, out var deleted);
            total += deleted;
            Adapt(held);
            if (deleted < batch)
            {
                return total;
            }

            Pause();
        }
    }

    private long Vacuum()
    {
        if (connection.ExecuteScalarOrNull("PRAGMA auto_vacuum;", null) != 2)
        {
            return 0; // NONE or FULL: freed pages are reused by new rows (see README for converting a file)
        }

        var freed = 0L;
        while (connection.ExecuteScalarOrNull("PRAGMA freelist_count;", null) is > 0 and var before)
        {
            Step("vacuum", command =>
            {
                command.CommandText = $"PRAGMA incremental_vacuum({VacuumPagesPerStep});";
                command.ExecuteNonQuery();
                return 0;
            });
            var after = connection.ExecuteScalarOrNull("PRAGMA freelist_count;", null) ?? 0;
            freed += before - after;
            if (after >= before)
            {
                break;
            }

            Pause();
        }

        return freed;
    }

    private TimeSpan Step(string kind, Func<SqliteCommand, int> work) => Step(kind, work, out _);

    // Times the lock hold: from the moment BEGIN IMMEDIATE has the lock to the end of COMMIT.
    private TimeSpan Step(string kind, Func<SqliteCommand, int> work, out int affected)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = connection.BeginTransaction(deferred: false);
        var clock = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        affected = work(command);
        transaction.Commit();
        var held = clock.Elapsed;
        _holds.Add(held);
        if (held > _longest)
        {
            _longest = held;
            _longestStep = kind;
        }

        return held;
    }

    private void Adapt(TimeSpan held)
    {
        var target = options.RetentionStepTarget;
        if (held > target)
        {
            _batch = Math.Max(MinBatch, _batch / 2);
        }
        else if (held < target / 3)
        {
            _batch = Math.Min(MaxBatch, _batch * 2);
        }
    }

    private void Pause()
    {
        if (options.RetentionPause > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(options.RetentionPause);
        }
    }
}
