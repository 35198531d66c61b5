using Dapper;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite;

/// <summary>
/// The console's actions in the activity log file (<c>operator_actions</c>: who did what, when): sync now, retry,
/// pause, resume. The table is part of the schema (version 4); the file is created and upgraded by
/// <see cref="SqliteActivityLog.OpenAsync"/> before the console starts. The latest pause or resume is also the persisted pause state, so it survives a restart.
/// </summary>
public sealed class OperatorActionLog(string path)
{
    static readonly TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public async Task RecordAsync(OperatorAction action, CancellationToken ct)
    {
        await using var connection = OpenWriter();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO operator_actions(at, who, action, target, detail) VALUES (@At, @Who, @Action, @Target, @Detail);",
            new { At = ActivityLogTimestamps.ToText(action.At), action.Who, action.Action, action.Target, action.Detail },
            cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The latest actions, newest first.</summary>
    public async Task<IReadOnlyList<OperatorActionRow>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var connection = SqliteConnections.OpenReader(Path, _busyTimeout);
        var rows = await connection.QueryAsync<OperatorActionRow>(new CommandDefinition(
            "SELECT action_id AS ActionId, at AS At, who AS Who, action AS Action, target AS Target, detail AS Detail " +
            "FROM operator_actions ORDER BY action_id DESC LIMIT @Limit;", new { Limit = limit }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>The latest pause or resume (null when never paused): what the process starts with.</summary>
    public async Task<OperatorActionRow?> LastPauseOrResumeAsync(CancellationToken ct)
    {
        await using var connection = SqliteConnections.OpenReader(Path, _busyTimeout);
        return await connection.QueryFirstOrDefaultAsync<OperatorActionRow>(new CommandDefinition(
            "SELECT action_id AS ActionId, at AS At, who AS Who, action AS Action, target AS Target, detail AS Detail " +
            "FROM operator_actions WHERE action IN ('pause', 'resume') ORDER BY action_id DESC LIMIT 1;", cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Null when the log file takes a write lock within a few seconds (what the readiness check asks), else why not.
    /// Takes and releases the lock without writing anything.
    /// </summary>
    public async Task<string?> CheckWritableAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
                DefaultTimeout = Math.Max(1, (int)timeout.TotalSeconds),
            }.ToString());
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds};", cancellationToken: ct)).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: takes the write lock
            transaction.Rollback();
            return null;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return $"the activity log {Path} is not writable: {e.Message}";
        }
    }

    SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds};");
        return connection;
    }
}
