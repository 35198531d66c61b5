using System.Threading.Tasks.Dataflow;
using OrderStatusFlow.Core.Pipeline;
using Serilog;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// Groups items that need a write into batches, flushed when <c>batchSize</c> updates are waiting or
/// <c>flushAfter</c> after the FIRST update of the batch arrived, whichever comes first. Items with nothing to write
/// pass straight through as a batch of one so their activity-log rows are not delayed. The last batch of a cycle is
/// split across the writers (<see cref="LastBatchPieces"/>) or handed over whole, marked as a <see cref="LastBatch"/>,
/// to a writer that splits it itself (<see cref="MarkLastBatch"/>); a full batch is kept back briefly so that a full
/// last batch is treated the same (<see cref="FullBatchHold"/>).
/// </summary>
/// <remarks>
/// Written by hand instead of a <c>BatchBlock</c>: a bounded greedy BatchBlock only offers a batch once it is full,
/// and TriggerBatch from a timer races with arriving items. Here one lock serialises items, the timer and the final
/// flush, and the timer generation ignores ticks of batches already sent. Sending to the bounded output awaits under
/// the lock, so a slow writer holds the input back (back-pressure).
/// </remarks>
internal sealed class UpdateBatcher
{
    readonly int _batchSize;
    readonly TimeSpan _flushAfter;
    readonly TimeProvider _time;
    readonly ILogger _log;
    readonly ActionBlock<OrderWorkItem> _input;
    readonly BufferBlock<IReadOnlyList<OrderWorkItem>> _output;
    readonly SemaphoreSlim _lock = new(1, 1);
    List<OrderWorkItem> _pending = [];
    long _generation;      // bumped on every flush so a late timer tick for a sent batch does nothing
    ITimer? _timer;        // armed at the first update of a batch
    List<OrderWorkItem>? _held; // a full batch kept back until something else arrives (see FullBatchHold)
    long _holdGeneration;
    ITimer? _holdTimer;

    public UpdateBatcher(int batchSize, TimeSpan flushAfter, int boundedCapacity, TimeProvider time, ILogger log)
    {
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), "The batch size must be at least 1.");
        _batchSize = batchSize;
        _flushAfter = flushAfter;
        _time = time;
        _log = log;
        BoundedCapacity = boundedCapacity;
        _input = new ActionBlock<OrderWorkItem>(AcceptAsync, new ExecutionDataflowBlockOptions { BoundedCapacity = boundedCapacity });
        _output = new BufferBlock<IReadOnlyList<OrderWorkItem>>(new DataflowBlockOptions { BoundedCapacity = 1 });
        Completion = _input.Completion.ContinueWith(_ => CompleteAsync(), TaskScheduler.Default).Unwrap();
    }

    public ITargetBlock<OrderWorkItem> Target => _input;

    /// <summary>The most updates in one batch.</summary>
    public int BatchSize => _batchSize;

    /// <summary>A batch goes out at the latest this long after its first update.</summary>
    public TimeSpan FlushAfter => _flushAfter;

    /// <summary>How many items may wait at the input.</summary>
    public int BoundedCapacity { get; }

    /// <summary>
    /// Pieces the last batch of a cycle is split into (default 1: not split). Set to the writer's parallelism: when
    /// the input completes nothing more arrives to fill it, so its updates go out as that many smaller batches in
    /// parallel instead of one long batch the whole cycle waits for.
    /// </summary>
    public int LastBatchPieces { get; init; } = 1;

    /// <summary>
    /// The last batch goes out whole as a <see cref="LastBatch"/> (in pieces of at most a batch) instead of being
    /// split into <see cref="LastBatchPieces"/>: for a writer that sends it in smaller requests side by side itself
    /// (<see cref="Seams.IRecordWriter.SplitsLastBatch"/>), after reading once what the batch needs read.
    /// </summary>
    public bool MarkLastBatch { get; init; }

    /// <summary>
    /// With <see cref="LastBatchPieces"/> above 1 or <see cref="MarkLastBatch"/>, a batch that fills up is kept back
    /// until the next item arrives, the input completes or this long has passed, whichever comes first: a full batch
    /// can turn out to be the last one of the cycle, and then it is treated like any last batch. Items arrive
    /// milliseconds apart while a cycle runs, so a batch is rarely held for more than that.
    /// </summary>
    public TimeSpan FullBatchHold { get; init; } = TimeSpan.FromMilliseconds(50);

    public IReceivableSourceBlock<IReadOnlyList<OrderWorkItem>> Source => _output;

    /// <summary>Completes once the last batch is handed on and the output is completed.</summary>
    public Task Completion { get; }

    /// <summary>Gives up after a fault elsewhere in the graph: drops what is queued and completes.</summary>
    public void Abort()
    {
        ((IDataflowBlock)_input).Fault(new OperationCanceledException("the pipeline graph failed"));
        ((IDataflowBlock)_output).Fault(new OperationCanceledException("the pipeline graph failed"));
    }

    /// <summary>Updates waiting for their batch to flush (for tests).</summary>
    internal int PendingCount => Volatile.Read(ref _pending).Count;

    /// <summary>Updates of a full batch kept back (for tests).</summary>
    internal int HeldCount => Volatile.Read(ref _held)?.Count ?? 0;

    async Task AcceptAsync(OrderWorkItem item)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            // Something arrived, so a full batch kept back is not the last one.
            await SendHeldLockedAsync().ConfigureAwait(false);
            if (!item.NeedsWrite)
            {
                await _output.SendAsync([item]).ConfigureAwait(false);
                return;
            }
            _pending.Add(item);
            if (_pending.Count == 1)
                Arm();
            if (_pending.Count >= _batchSize)
            {
                if (LastBatchPieces > 1 || MarkLastBatch)
                    HoldLocked();
                else
                    await FlushLockedAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _log.Error(ex, "The batcher failed on {Po}; the item is lost from this cycle", item.Po.Number);
        }
        finally
        {
            _lock.Release();
        }
    }

    void Arm()
    {
        var generation = _generation;
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => _ = OnTimerAsync(generation), null, _flushAfter, Timeout.InfiniteTimeSpan);
    }

    async Task OnTimerAsync(long generation)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (generation == _generation && _pending.Count > 0)
                await FlushLockedAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.Error(ex, "The batcher failed to flush on time");
        }
        finally
        {
            _lock.Release();
        }
    }

    void HoldLocked()
    {
        _held = _pending;
        _pending = [];
        _generation++;
        _timer?.Dispose();
        _timer = null;
        var generation = ++_holdGeneration;
        _holdTimer?.Dispose();
        _holdTimer = _time.CreateTimer(_ => _ = OnHoldTimerAsync(generation), null, FullBatchHold, Timeout.InfiniteTimeSpan);
    }

    async Task OnHoldTimerAsync(long generation)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (generation == _holdGeneration)
                await SendHeldLockedAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.Error(ex, "The batcher failed to send a full batch");
        }
        finally
        {
            _lock.Release();
        }
    }

    async Task SendHeldLockedAsync()
    {
        if (TakeHeldLocked() is { } held)
            await _output.SendAsync(held).ConfigureAwait(false);
    }

    // The full batch kept back, if any, with its hold timer stopped.
    List<OrderWorkItem>? TakeHeldLocked()
    {
        var held = _held;
        _held = null;
        _holdGeneration++;
        _holdTimer?.Dispose();
        _holdTimer = null;
        return held;
    }

    async Task FlushLockedAsync()
    {
        var batch = _pending;
        _pending = [];
        _generation++;
        _timer?.Dispose();
        _timer = null;
        await _output.SendAsync(batch).ConfigureAwait(false);
    }

    /// <summary><paramref name="items"/> in at most <paramref name="pieces"/> batches of near-equal size, in order.</summary>
    internal static IEnumerable<List<OrderWorkItem>> Split(List<OrderWorkItem> items, int pieces)
    {
        var count = Math.Min(Math.Max(1, pieces), items.Count);
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var size = (items.Count - start) / (count - i);
            yield return items.GetRange(start, size);
            start += size;
        }
    }

    async Task CompleteAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            var rest = TakeHeldLocked() is { } held ? [.. held, .. _pending] : _pending;
            _pending = [];
            _generation++;
            _timer?.Dispose();
            _timer = null;
            // Never more than a batch per piece, however few pieces are asked for.
            var atLeast = (rest.Count + _batchSize - 1) / _batchSize;
            foreach (var piece in Split(rest, MarkLastBatch ? atLeast : Math.Max(LastBatchPieces, atLeast)))
                await _output.SendAsync(MarkLastBatch ? new LastBatch(piece) : piece).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.Error(ex, "The batcher failed to flush its last batch");
        }
        finally
        {
            _output.Complete();
            _lock.Release();
        }
    }
}

/// <summary>The last batch of a cycle, handed to the writer whole (<see cref="UpdateBatcher.MarkLastBatch"/>).</summary>
internal sealed class LastBatch(IEnumerable<OrderWorkItem> items) : List<OrderWorkItem>(items);
