using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Sqlite.Retention;
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
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _retentionLock = new();
    private Task _retention = Task.CompletedTask;
    private int _retentionRunning;
    private int _disposed;
    // Retention's delete batch, carried from pass to pass so it stays sized to the step target on this machine.
    private int _retentionBatch = 100;

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

    /// <summary>Starts a retention pass in the background unless one is running; failures go to <see cref="LastRetentionError"/>.</summary>
    public void ScheduleRetention(TimeSpan retention)
    {
        if (_closing.IsCancellationRequested || Interlocked.Exchange(ref _retentionRunning, 1) == 1)
        {
            return;
        }

        lock (_retentionLock)
        {
            _retention = Task.Run(() =>
            {
                try
                {
                    LastRetention = RunRetention(retention, _options.TimeProvider.GetUtcNow(), _closing.Token);
                    LastRetentionError = null;
                }
                catch (Exception e) when (e is SyncException or OperationCanceledException)
                {
                    LastRetentionError = e;
                }
                finally
                {
                    Volatile.Write(ref _retentionRunning, 0);
                }
            });
        }
    }

    /// <summary>The result of the latest background retention pass; null before the first one.</summary>
    public RetentionResult? LastRetention { get; private set; }

    /// <summary>Why the latest background retention pass failed; null when it did not.</summary>
    public Exception? LastRetentionError { get; private set; }

    /// <summary>
    /// Runs one retention pass now, on the calling thread, with its own connection beside the writer: removes runs
    /// (with their events) started before <paramref name="now"/> minus <paramref name="retention"/> and older rule
    /// loads, in small steps, then shrinks the file. Throws <see cref="SyncException"/> when the file cannot be written.
    /// </summary>
    public RetentionResult RunRetention(TimeSpan retention, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        try
        {
            using var connection = SqliteConnections.OpenRetention(Path, _options);
            var pass = new RetentionPass(connection, _options, Volatile.Read(ref _retentionBatch), cancellationToken);
            var result = pass.Run(now, retention);
            Volatile.Write(ref _retentionBatch, pass.Batch);
            return result;
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.WriteFailed(Path, e);
        }
    }

    /// <summary>Stops a running retention pass, writes what is queued, checkpoints and truncates the WAL, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        Task retention;
        lock (_retentionLock)
        {
            retention = _retention;
        }

        await retention.ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _closing.Dispose();
    }
}
