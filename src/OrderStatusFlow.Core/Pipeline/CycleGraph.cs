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
        var (statusStage, rulesStage, writerStage) = (definition.StageFor(StageRole.Status), definition.StageFor(StageRole.Rules), definition.StageFor(StageRole.Writer));
        QueryStatus = status;
        Writer = writer;
        Batcher = batcher;
        Log = log;

        var admitOptions = Options(1, statusStage.BoundedCapacity, _broken.Token);
        var statusOptions = Options(statusStage.Parallelism, statusStage.BoundedCapacity, _broken.Token);
        var rulesOptions = Options(rulesStage.Parallelism, rulesStage.BoundedCapacity, _broken.Token);
        // The write block holds batches: its capacity is the stage's capacity in batches, at least one per worker.
        var writeOptions = Options(writerStage.Parallelism, writerStage.BoundedCapacity / batcher.BatchSize, _broken.Token);
        _head = new TransformBlock<PurchaseOrder, OrderWorkItem>(Admit, admitOptions);
        _status = new TransformBlock<OrderWorkItem, OrderWorkItem>(status.ProcessAsync, statusOptions);
        _rules = new TransformBlock<OrderWorkItem, OrderWorkItem>(rules.Process, rulesOptions);
        _write = new TransformBlock<IReadOnlyList<OrderWorkItem>, IReadOnlyList<OrderWorkItem>>(writer.ProcessAsync, writeOptions);

        // Read off the options each block was built with, so what is logged is what runs.
        Descriptor = new Diagnostics.PipelineDescriptor(definition.Name, writer.DryRun,
        [
            new("feed", definition.StageFor(StageRole.Source).Type, StageRole.Source, "", 1, 0, null, null),
            Block("admit", "engine", StageRole.Source, "skips the POs the source marked ineligible, with its reason", admitOptions),
            Block("status", statusStage.Type, StageRole.Status, "", statusOptions),
            Block("rules", rulesStage.Type, StageRole.Rules, "", rulesOptions),
            new("batch", "engine", StageRole.Writer, "groups updates by size or age", 1, batcher.BoundedCapacity, batcher.BatchSize, batcher.FlushAfter),
            Block("write", writerStage.Type, StageRole.Writer, "", writeOptions) with { BatchSize = batcher.BatchSize, FlushAfter = batcher.FlushAfter },
            new("activity-log", "engine", null, "records one event per PO, batched", 1, log.BoundedCapacity, null, null),
        ]);

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

    /// <summary>What was built: every block in order with the parallelism and capacity it runs with.</summary>
    public Diagnostics.PipelineDescriptor Descriptor { get; }

    static Diagnostics.BlockDescriptor Block(string name, string type, StageRole role, string description, ExecutionDataflowBlockOptions options) =>
        new(name, type, role, description, options.MaxDegreeOfParallelism, options.BoundedCapacity, null, null);

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
