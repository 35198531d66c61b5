using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Hosting;

/// <summary>
/// The live state of a <see cref="SyncService"/> that the operator console and the health checks read: written by
/// the service's loop, read from request threads (each value is read whole; they need not be read together).
/// </summary>
public sealed class SyncServiceState
{
    volatile CycleResult? _lastResult;
    volatile StrongBox<DateTimeOffset>? _lastSuccessAt;
    volatile StrongBox<DateTimeOffset>? _nextDueAt;
    volatile StrongBox<DateTimeOffset>? _cycleStartedAt;
    volatile string? _pauseReason;
    volatile bool _paused;

    /// <summary>The last cycle that ran (not a disabled one).</summary>
    public CycleResult? LastResult => _lastResult;

    /// <summary>When the last cycle that could run to the end finished.</summary>
    public DateTimeOffset? LastSuccessAt => _lastSuccessAt?.Value;

    /// <summary>When the next cycle is due; null while paused or before the loop starts.</summary>
    public DateTimeOffset? NextDueAt
    {
        get => _nextDueAt?.Value;
        internal set => _nextDueAt = value is { } v ? new StrongBox<DateTimeOffset>(v) : null;
    }

    /// <summary>When the cycle in flight started; null between cycles.</summary>
    public DateTimeOffset? CycleStartedAt
    {
        get => _cycleStartedAt?.Value;
        internal set => _cycleStartedAt = value is { } v ? new StrongBox<DateTimeOffset>(v) : null;
    }

    public bool Paused
    {
        get => _paused;
        internal set => _paused = value;
    }

    public string? PauseReason
    {
        get => _pauseReason;
        internal set => _pauseReason = value;
    }

    internal void Finished(CycleResult result)
    {
        if (result.Disabled)
            return;
        _lastResult = result;
        if (result.CouldRun && !result.Cancelled)
            _lastSuccessAt = new StrongBox<DateTimeOffset>(result.FinishedAt);
    }

    sealed class StrongBox<T>(T value)
    {
        public T Value { get; } = value;
    }
}
