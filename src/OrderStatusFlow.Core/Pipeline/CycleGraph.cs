using System.Threading.Tasks.Dataflow;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Stages;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// The TPL Dataflow graph of one cycle, a straight chain:
/// admit → status (parallel) → rules (parallel) → batcher → writer (batches in parallel) → activity log.
/// </summary>
/// <remarks>
/// Dataflow traps avoided, and how:
/// <list type="bullet">
/// <item>Fan-out of one source to several bounded targets (a full target makes the source offer the message to the
/// next, or stall): there is none; every block has exactly one target, and skipped/failed items travel the same
/// chain as the rest (each stage passes decided items through untouched).</item>
/// <item>LinkTo predicates that leave messages stuck in a source: no predicates are used.</item>
/// <item>BatchBlock with BoundedCapacity (greedy mode only offers full batches; TriggerBatch races): replaced by
/// <see cref="UpdateBatcher"/>.</item>
/// <item>Unobserved faults: no delegate throws (each stage catches into the item), and <see cref="Completion"/>
/// awaits every block, so a fault would still surface. Should a block fault anyway (a bug), every block is cancelled
/// through <see cref="Broken"/> so nothing waits forever on a dead neighbour; the runner reports the cycle as failed.</item>
/// <item>Forgetting to complete/await: the feed completes the head in a finally; every link has
/// PropagateCompletion; the runner awaits <see cref="Completion"/>, which ends only when the log consumer has
/// recorded the last item.</item>
/// <item>Back-pressure: every block is bounded and the feed uses SendAsync, so a slow writer holds back the fetch.</item>
/// </list>
/// </remarks>
internal sealed class CycleGraph
{
    readonly TransformBlock<PurchaseOrder, OrderWorkItem> _head;
    readonly TransformBlock<OrderWorkItem, OrderWorkItem> _status;
    readonly TransformBlock<OrderWorkItem, OrderWorkItem> _rules;
    readonly TransformBlock<IReadOnlyList<OrderWorkItem>, IReadOnlyList<OrderWorkItem>> _write;
    readonly CancellationTokenSource _broken = new();
    readonly PoNumberCheck _numbers = new();

    public CycleGraph(
        PipelineDefinition definition,
        QueryStatusStage status,
        EvaluateRulesStage rules,
        UpdateBatcher batcher,
        WriteBatchStage writer,
        ActivityLogStage log)
    {
        // The graph is built from its descriptor (the logged one), so what is logged is what runs.
        var blocks = Diagnostics.PipelineDescriptor.From(definition).Blocks.ToDictionary(b => b.Name, StringComparer.Ordinal);
        var (admit, statusBlock, rulesBlock, writeBlock) = (blocks["admit"], blocks["status"], blocks["rules"], blocks["write"]);
        QueryStatus = status;
        Writer = writer;
        Batcher = batcher;
        Log = log;

        _head = new TransformBlock<PurchaseOrder, OrderWorkItem>(
            Admit,
            Options(admit.Parallelism, admit.BoundedCapacity, _broken.Token));
        _status = new TransformBlock<OrderWorkItem, OrderWorkItem>(status.ProcessAsync, Options(statusBlock.Parallelism, statusBlock.BoundedCapacity, _broken.Token));
        _rules = new TransformBlock<OrderWorkItem, OrderWorkItem>(rules.Process, Options(rulesBlock.Parallelism, rulesBlock.BoundedCapacity, _broken.Token));
        _write = new TransformBlock<IReadOnlyList<OrderWorkItem>, IReadOnlyList<OrderWorkItem>>(writer.ProcessAsync,
            Options(writeBlock.Parallelism, writeBlock.BoundedCapacity, _broken.Token));

        var link = new DataflowLinkOptions { PropagateCompletion = true };
        _head.LinkTo(_status, link);
        _status.LinkTo(_rules, link);
        _rules.LinkTo(batcher.Target, link);
        batcher.Source.LinkTo(_write, link);
        _write.LinkTo(log.Target, link);

        Task[] all = [_head.Completion, _status.Completion, _rules.Completion, batcher.Completion, _write.Completion, log.Completion];
        foreach (var task in all)
            task.ContinueWith(_ => Break(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        Completion = Task.WhenAll(all);
    }

    /// <summary>
    /// Wraps the PO for the graph; a PO the source marked ineligible is skipped with the source's reason, and one whose
    /// number cannot be sent to TD SYNNEX fails on its own (see <see cref="PoNumberCheck"/>).
    /// </summary>
    OrderWorkItem Admit(PurchaseOrder po)
    {
        var item = new OrderWorkItem(po);
        if (po.SkipReason is { } reason)
            item.Skip(reason);
        else if (_numbers.WhyUnusable(po, po.Schema.Table) is { } unusable)
            item.Fail(FailureKind.Data, unusable);
        return item;
    }

    /// <summary>Cancelled when any block faulted: the feed stops sending and every block gives up.</summary>
    public CancellationToken Broken => _broken.Token;

    void Break()
    {
        try
        {
            _broken.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        Log.Abort();
        Batcher.Abort();
    }

    public ITargetBlock<PurchaseOrder> Head => _head;

    public QueryStatusStage QueryStatus { get; }

    public WriteBatchStage Writer { get; }

    public UpdateBatcher Batcher { get; }

    public ActivityLogStage Log { get; }

    /// <summary>Ends when every block has completed and the log consumer recorded the last item.</summary>
    public Task Completion { get; }

    // EnsureOrdered=false: a slow PO must not hold back the ones behind it; the log does not need feed order.
    static ExecutionDataflowBlockOptions Options(int parallelism, int capacity, CancellationToken broken) => new()
    {
        CancellationToken = broken,
        MaxDegreeOfParallelism = parallelism,
        BoundedCapacity = Math.Max(capacity, parallelism),
        EnsureOrdered = false,
        SingleProducerConstrained = false,
    };
}
