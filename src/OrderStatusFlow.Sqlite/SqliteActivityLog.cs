using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Sqlite.Schema;
using OrderStatusFlow.Sqlite.Writing;

namespace OrderStatusFlow.Sqlite;

/// <summary>
/// The Sync Activity Log in a SQLite file (WAL mode, readable by any SQLite client while the service writes).
/// All writes go through one background writer, in call order; each write method completes when its rows are
/// committed, so a completed <see cref="FinishRunAsync"/> also means every event queued before it is recorded.
/// Entries are stored exactly as given: callers must not put credentials in them.
/// </summary>
/// <remarks>
/// Cancelling a write stops the caller waiting; a write already queued may still be committed. Write failures
/// (disk full, lock held past <see cref="SqliteActivityLogOptions.BusyTimeout"/>) throw <see cref="SyncException"/>.
/// </remarks>
public sealed class SqliteActivityLog : IActivityLog, IAsyncDisposable
{
    private readonly ActivityLogWriter _writer;
    private readonly SqliteActivityLogOptions _options;

    private SqliteActivityLog(string path, ActivityLogWriter writer, SqliteActivityLogOptions options)
    {
        Path = path;
        _writer = writer;
        _options = options;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Schema version this build writes (<c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => SchemaMigrator.LatestVersion;

    internal ActivityLogWriter Writer => _writer;

    /// <summary>
    /// Opens the log at <paramref name="path"/>, creating the file and its folder when missing and migrating an
    /// older schema. Throws <see cref="SyncException"/> (configuration) when the file cannot be opened.
    /// </summary>
    public static Task<SqliteActivityLog> OpenAsync(
        string path, SqliteActivityLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqliteActivityLogOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var fullPath = System.IO.Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            var folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            connection = SqliteConnections.OpenWriter(fullPath, options);
            SchemaMigrator.Migrate(connection, fullPath);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            connection?.Dispose();
            throw ActivityLogErrors.OpenFailed(fullPath, e);
        }

        var log = new SqliteActivityLog(fullPath, new ActivityLogWriter(connection, fullPath, options), options);
        return Task.FromResult(log);
    }

    public Task<long> StartRunAsync(RunStart run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _writer.EnqueueAsync(new StartRunRequest(run), cancellationToken);
    }

    public Task RecordEventsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        RecordEventsRequest.Validate(entries);
        return entries.Count == 0
            ? Task.CompletedTask
            : _writer.EnqueueAsync(new RecordEventsRequest(entries.ToArray()), cancellationToken);
    }

    public Task FinishRunAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return _writer.EnqueueAsync(new FinishRunRequest(summary), cancellationToken);
    }

    public Task RecordRuleLoadAsync(RuleLoadEntry entry, CancellationToken cancellationToken)
    {
        RecordRuleLoadRequest.Validate(entry);
        return _writer.EnqueueAsync(new RecordRuleLoadRequest(entry), cancellationToken);
    }

    public Task RecordIntentsAsync(IReadOnlyList<WriteIntent> intents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intents);
        return intents.Count == 0
            ? Task.CompletedTask
            : _writer.EnqueueAsync(new RecordIntentsRequest(intents.ToArray()), cancellationToken);
    }

    public async Task<IReadOnlyList<WriteIntent>> GetOpenIntentsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(Path, _options.BusyTimeout);
            var rows = await connection.QueryAsync<(long RunId, string At, string UpdateJson, string? FieldsJson)>(new CommandDefinition(
                "SELECT run_id, at, update_json, fields_json FROM write_intents ORDER BY intent_id;", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => RecordIntentsRequest.Read(r.RunId, r.At, r.UpdateJson, r.FieldsJson)).ToList();
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(Path, e);
        }
    }

    public async Task<int> CloseInterruptedRunsAsync(DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        checked((int)await _writer.EnqueueAsync(new CloseInterruptedRunsRequest(at, error), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, int>> GetNotFoundStreaksAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(Path, _options.BusyTimeout);
            var rows = await connection.QueryAsync<(string PoSysId, long Streak)>(
                new CommandDefinition(NotFoundStreakQuery.Sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Where(r => r.Streak > 0).ToDictionary(r => r.PoSysId, r => checked((int)r.Streak), StringComparer.Ordinal);
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(Path, e);
        }
    }

    /// <summary>Writes what is queued, checkpoints and truncates the WAL, and closes the file.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
