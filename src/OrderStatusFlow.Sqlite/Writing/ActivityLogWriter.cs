using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// The single writer of an activity log file: a background task drains a bounded queue and writes everything that
/// is queued (up to <see cref="SqliteActivityLogOptions.MaxEventsPerTransaction"/> events) in one transaction, then
/// completes the callers. A passive WAL checkpoint runs every N commits or after an interval; a truncating one at
/// dispose, so the WAL does not grow without bound.
/// </summary>
internal sealed class ActivityLogWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly SqliteActivityLogOptions _options;
    private readonly TimeProvider _time;
    // Bounded so a stalled disk holds callers back instead of growing memory.
    private readonly Channel<WriteRequest> _queue;
    private readonly Task _loop;
    private int _commitsSinceCheckpoint;
    private long _lastCheckpoint;
    private long _commits;
    private long _checkpoints;
    private int _disposed;

    public ActivityLogWriter(SqliteConnection connection, string path, SqliteActivityLogOptions options)
    {
        _connection = connection;
        _path = path;
        _options = options;
        _time = options.TimeProvider;
        _lastCheckpoint = _time.GetTimestamp();
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Checkpoints run so far (passive and truncating).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Queues the request and completes when it is committed (its result) or failed.</summary>
    public async Task<long> EnqueueAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is { } crash)
        {
            throw new InvalidOperationException(crash.Message, crash);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException(
                $"The Sync Activity Log '{_path}' is closed; nothing more can be written to it.", e);
        }

        // The request is queued: if the caller gives up waiting it may still be written.
        return await request.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        Checkpoint("TRUNCATE");
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.Clear();
                var weight = 0;
                while (weight < _options.MaxEventsPerTransaction && reader.TryRead(out var request))
                {
                    batch.Add(request);
                    weight += request.Weight;
                }

                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // Not expected (WriteBatch catches write errors); never leave callers waiting forever.
            var error = new InvalidOperationException(
                $"The Sync Activity Log writer for '{_path}' stopped: {e.Message}. Restart the process.", e);
            _queue.Writer.TryComplete(error);
            foreach (var request in batch)
            {
                request.Fail(error);
            }

            while (reader.TryRead(out var pending))
            {
                pending.Fail(error);
            }
        }
    }

    private async Task WriteBatchAsync(List<WriteRequest> batch)
    {
        var results = new long[batch.Count];
        var errors = new Exception?[batch.Count];
        var started = _time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            Array.Clear(errors);
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                for (var i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        results[i] = batch[i].Apply(_connection, transaction);
                    }
                    catch (Exception e) when (e is not SqliteException)
                    {
                        errors[i] = e;
                    }
                }

                transaction.Commit();
                break;
            }
            catch (SqliteException e) when (ActivityLogErrors.IsWorthWaiting(e) && _time.GetElapsedTime(started) < _options.UnavailableTimeout)
            {
                // The batch was rolled back. Nothing is dropped: the callers keep waiting (and so hold the pipeline
                // back) until the file can be written again or the timeout is over.
                if (attempt == 0)
                {
                    _options.OnUnavailable?.Invoke(ActivityLogErrors.WriteFailed(_path, e).Message +
                                                   $" Waiting up to {_options.UnavailableTimeout} before giving up; nothing is sent to ServiceNow meanwhile.");
                }

                var delay = TimeSpan.FromMilliseconds(Math.Min(2000, 50 * Math.Pow(2, Math.Min(attempt, 6))));
                await Task.Delay(delay, _time).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                var error = ActivityLogErrors.WriteFailed(_path, e, _time.GetElapsedTime(started));
                foreach (var request in batch)
                {
                    request.Fail(error);
                }

                return;
            }
        }

        Interlocked.Increment(ref _commits);
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Fail(error);
            }
            else
            {
                batch[i].Succeed(results[i]);
            }
        }

        MaybeCheckpoint();
    }

    private void MaybeCheckpoint()
    {
        _commitsSinceCheckpoint++;
        if (_commitsSinceCheckpoint >= _options.CheckpointEveryCommits ||
            _time.GetElapsedTime(_lastCheckpoint) >= _options.CheckpointInterval)
        {
            Checkpoint("PASSIVE");
        }
    }

    private void Checkpoint(string mode)
    {
        _commitsSinceCheckpoint = 0;
        _lastCheckpoint = _time.GetTimestamp();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException)
        {
            // Best effort: a reader holding an old snapshot can block it; the next checkpoint catches up.
        }
    }
}
