using System.Threading.Tasks.Dataflow;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// The end of the graph: one consumer takes everything that has arrived and records it with one
/// <see cref="IActivityLog.RecordEventsAsync"/> call, so the log sees few, larger writes. Counts what it recorded.
/// A failing log is fatal for the cycle (an unrecorded cycle must not look recorded): the stage reports it and keeps
/// draining so the rest of the graph can finish.
/// </summary>
internal sealed class ActivityLogStage
{
    readonly BufferBlock<IReadOnlyList<OrderWorkItem>> _buffer;
    readonly IActivityLog _log;
    readonly long _runId;
    readonly PipelineDefinition _definition;
    readonly TimeProvider _time;
    readonly Action<Exception> _onFailure;
    readonly Serilog.ILogger _logger;

    public ActivityLogStage(IActivityLog log, long runId, PipelineDefinition definition, TimeProvider time, int boundedCapacity, Action<Exception> onFailure,
        Serilog.ILogger? logger = null)
    {
        _logger = logger ?? Serilog.Core.Logger.None;
        _log = log;
        _runId = runId;
        _definition = definition;
        _time = time;
        _onFailure = onFailure;
        BoundedCapacity = boundedCapacity;
        _buffer = new BufferBlock<IReadOnlyList<OrderWorkItem>>(new DataflowBlockOptions { BoundedCapacity = boundedCapacity });
        Completion = Task.Run(ConsumeAsync);
    }

    public ITargetBlock<IReadOnlyList<OrderWorkItem>> Target => _buffer;

    /// <summary>How many batches may wait to be recorded.</summary>
    public int BoundedCapacity { get; }

    /// <summary>Completes when the input is completed and everything in it was recorded (or the log failed).</summary>
    public Task Completion { get; }

    public CycleCounts Counts { get; } = new();

    /// <summary>Gives up after a fault elsewhere in the graph: what is queued is dropped.</summary>
    public void Abort() => ((IDataflowBlock)_buffer).Fault(new OperationCanceledException("the pipeline graph failed"));

    public Exception? Failure { get; private set; }

    /// <summary>Called with every batch once it is recorded (the scheduler keeps its state there); a throw is a log failure.</summary>
    public Func<IReadOnlyList<OrderWorkItem>, Task>? AfterRecorded { get; init; }

    async Task ConsumeAsync()
    {
        while (await _buffer.OutputAvailableAsync().ConfigureAwait(false))
        {
            if (!_buffer.TryReceiveAll(out var batches))
                continue;
            var items = batches.SelectMany(b => b).ToList();
            if (Failure is not null)
                continue; // the cycle is already lost; drain so upstream blocks can complete
            try
            {
                var entries = items.Select(ToEntry).ToList();
                await _log.RecordEventsAsync(entries, CancellationToken.None).ConfigureAwait(false);
                if (AfterRecorded is { } after)
                    await after(items).ConfigureAwait(false);
                foreach (var item in items)
                    Counts.Add(item);
                foreach (var entry in entries)
                    Report(entry);
            }
            catch (Exception ex)
            {
                Failure = ex;
                _onFailure(ex);
            }
        }
    }

    // One line per PO whose status moved or that failed, so an operator sees what a cycle did without SQL.
    void Report(ActivityEntry entry)
    {
        if (entry.Outcome == SyncOutcome.Failed)
            _logger.Warning("{PoNumber} failed: {Error}", entry.PoNumber.Length > 0 ? entry.PoNumber : entry.PoSysId, entry.Error);
        else if (entry.Outcome is SyncOutcome.Updated or SyncOutcome.WouldUpdate && entry.NewStatus != entry.PreviousStatus)
            _logger.Information("{PoNumber}: {Previous} -> {New}{DryRun}", entry.PoNumber, entry.PreviousStatus ?? "(none)", entry.NewStatus ?? "(none)",
                entry.Outcome == SyncOutcome.WouldUpdate ? " (dry run, not written)" : "");
    }

    ActivityEntry ToEntry(OrderWorkItem item)
    {
        var schema = item.Po.Schema;
        var statusField = schema.StatusField;
        var previous = statusField.Length == 0 ? null : NullIfEmpty(SafeField(item.Po, statusField));
        var wrote = item.Outcome is SyncOutcome.Updated or SyncOutcome.WouldUpdate;
        var next = wrote && statusField.Length > 0 && item.Update!.PoFields.TryGetValue(statusField, out var written) ? NullIfEmpty(written) : previous;
        var withFields = item.Update is { IsEmpty: false } && item.Outcome is SyncOutcome.Updated or SyncOutcome.WouldUpdate or SyncOutcome.Failed;
        return new ActivityEntry
        {
            RunId = _runId,
            At = _time.GetUtcNow(),
            PoNumber = item.Po.Number,
            PoSysId = item.Po.SysId,
            Outcome = item.Outcome ?? SyncOutcome.Failed,
            TdsStatus = item.Status?.HeaderCode,
            PreviousStatus = previous,
            NewStatus = next,
            // Credentials never reach the log, whatever text carried them here (an echoed request, an error page).
            FieldsJson = KnownSecrets.RedactOrNull(withFields ? item.Update!.ToFieldsJson(schema.Table, schema.LineTable) : null),
            Error = KnownSecrets.RedactOrNull(item.Outcome is null ? "internal: the PO left the pipeline undecided; this is a bug, please report it" : item.Error),
            Detail = KnownSecrets.RedactOrNull(item.Detail),
            RulesVersion = item.RulesVersion,
            StateOnly = item.Outcome == SyncOutcome.Unchanged && !_definition.ActivityLog.RecordUnchanged,
        };
    }

    // A malformed PO (failed earlier for that reason) must not take the whole log batch down with it.
    static string? SafeField(PurchaseOrder po, string field)
    {
        try
        {
            return po[field];
        }
        catch (Exception)
        {
            return null;
        }
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
