using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// Sends one batch of updates to the record writer and maps the per-PO results. Before anything is sent the writes
/// are logged as intents (waiting while the log cannot record: that holds the writes back); when the log refuses
/// them, nothing is sent and the POs fail saying so. In a dry run the writer is never called and each update becomes
/// <c>would_update</c>. Never throws: a whole-batch failure fails every PO in it.
/// </summary>
internal sealed class WriteBatchStage
{
    readonly IRecordWriter _writer;
    readonly IActivityLog _log;
    readonly long _runId;
    readonly bool _dryRun;
    readonly TimeProvider _time;
    readonly CancellationToken _processing;

    public WriteBatchStage(IRecordWriter writer, IActivityLog log, long runId, bool dryRun, TimeProvider time, CancellationToken processing)
    {
        _writer = writer;
        _log = log;
        _runId = runId;
        _dryRun = dryRun;
        _time = time;
        _processing = processing;
    }

    /// <summary>True: the writer is never called.</summary>
    public bool DryRun => _dryRun;

    /// <summary>The configuration failure of a whole batch (e.g. rejected credentials), if any.</summary>
    public SyncException? ConfigurationFailure { get; private set; }

    /// <summary>Why writes stopped being sent: the activity log could not record their intents.</summary>
    public string? LogFailure { get; private set; }

    public async Task<IReadOnlyList<OrderWorkItem>> ProcessAsync(IReadOnlyList<OrderWorkItem> batch)
    {
        var toWrite = batch.Where(i => i.NeedsWrite).ToList();
        if (toWrite.Count == 0)
            return batch;
        if (_dryRun)
        {
            foreach (var item in toWrite)
                item.Outcome = SyncOutcome.WouldUpdate;
            return batch;
        }
        var started = _time.GetTimestamp();
        if (LogFailure is null)
        {
            try
            {
                var at = _time.GetUtcNow();
                await _log.RecordIntentsAsync(toWrite.Select(i => new WriteIntent(_runId, at, i.Update!, i.Update!.ToFieldsJson(i.Po.Schema.Table, i.Po.Schema.LineTable))).ToList(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogFailure = ex.Message;
            }
        }
        if (LogFailure is not null)
        {
            foreach (var item in toWrite)
                item.Fail(FailureKind.Transient, $"not sent: the activity log cannot record writes ({LogFailure}); nothing is written to ServiceNow " +
                                                 "until it can, the PO is checked again next cycle");
            return batch;
        }
        try
        {
            var updates = toWrite.Select(i => i.Update!).ToList();
            var results = batch is LastBatch
                ? await _writer.WriteLastBatchAsync(updates, _processing).ConfigureAwait(false)
                : await _writer.WriteBatchAsync(updates, _processing).ConfigureAwait(false);
            var bySysId = new Dictionary<string, WriteResult>(StringComparer.Ordinal);
            foreach (var result in results ?? [])
                bySysId.TryAdd(result.PoSysId, result);
            foreach (var item in toWrite)
                Apply(item, bySysId.GetValueOrDefault(item.Po.SysId));
        }
        catch (SyncException ex)
        {
            if (ex.Kind == FailureKind.Configuration)
                ConfigurationFailure ??= ex;
            foreach (var item in toWrite)
                item.Fail(ex);
        }
        catch (OperationCanceledException) when (_processing.IsCancellationRequested)
        {
            foreach (var item in toWrite)
                item.Fail(FailureKind.Transient, "the process stopped before the write was confirmed; the PO is checked again next cycle");
        }
        catch (Exception ex)
        {
            foreach (var item in toWrite)
                item.Fail(FailureKind.Internal, $"writing the batch failed unexpectedly ({ex.GetType().Name}: {ex.Message}); this is a bug, please report it");
        }
        // The batch's time is carried by its first item so summing over items counts each batch once.
        toWrite[0].WriteDuration = _time.GetElapsedTime(started);
        return batch;
    }

    static void Apply(OrderWorkItem item, WriteResult? result)
    {
        if (result is null)
            item.Fail(FailureKind.Internal, "the writer returned no result for this PO, so it is not known whether it was written; it is checked again next cycle");
        else if (result.Succeeded)
            item.Outcome = SyncOutcome.Updated;
        else
            item.Fail(result.FailureKind ?? FailureKind.Internal, result.Error ?? "the write failed without a reason");
    }
}
