using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// One unit of work for the single writer. <see cref="Apply"/> runs inside the writer's batch transaction; the
/// caller's task completes only after that transaction commits (or fails with the reason it did not).
/// </summary>
internal abstract class WriteRequest
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<long> Completion => _completion.Task;

    /// <summary>How many events the request writes; the writer caps a transaction by this total.</summary>
    public virtual int Weight => 1;

    /// <summary>
    /// Writes the request. A <see cref="SqliteException"/> aborts the whole batch; any other exception is this
    /// request's own problem, must be thrown before it writes anything, and fails only this request.
    /// </summary>
    public abstract long Apply(SqliteConnection connection, SqliteTransaction transaction);

    public void Succeed(long result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
