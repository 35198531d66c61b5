namespace OrderStatusFlow.TestKit;

/// <summary>A door a fake waits at: closed, every caller waits until <see cref="Open"/>. Counts who is waiting.</summary>
public sealed class Gate
{
    readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _open.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
