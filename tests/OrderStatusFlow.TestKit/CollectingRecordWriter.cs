using System.Collections.Concurrent;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// Records every batch it is given. Per-PO failures and whole-batch exceptions can be scripted; an optional
/// <see cref="Gate"/> holds each batch (a slow ServiceNow). Successful writes are applied to a source when given.
/// </summary>
public sealed class CollectingRecordWriter : IRecordWriter
{
    readonly ConcurrentQueue<IReadOnlyList<StatusUpdate>> _batches = new();
    readonly ConcurrentDictionary<string, WriteResult> _failures = new(StringComparer.Ordinal);
    readonly InMemoryOrderSource? _applyTo;
    readonly ConcurrentDictionary<string, StatusUpdate> _written = new(StringComparer.Ordinal);

    public CollectingRecordWriter(InMemoryOrderSource? applyTo = null) => _applyTo = applyTo;

    public IReadOnlyList<IReadOnlyList<StatusUpdate>> Batches => _batches.ToList();

    public IReadOnlyList<StatusUpdate> Updates => _batches.SelectMany(b => b).ToList();

    /// <summary>Thrown by every call when set (the whole batch could not be sent).</summary>
    public Exception? BatchFailure { get; set; }

    public Gate? Gate { get; set; }

    /// <summary>Says the writer splits a cycle's last batch itself, so the pipeline hands it over whole.</summary>
    public bool SplitsLastBatch { get; set; }

    readonly ConcurrentQueue<IReadOnlyList<StatusUpdate>> _lastBatches = new();

    /// <summary>The batches given to <see cref="WriteLastBatchAsync"/> (also in <see cref="Batches"/>).</summary>
    public IReadOnlyList<IReadOnlyList<StatusUpdate>> LastBatches => _lastBatches.ToList();

    public Task<IReadOnlyList<WriteResult>> WriteLastBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken)
    {
        _lastBatches.Enqueue(batch);
        return WriteBatchAsync(batch, cancellationToken);
    }

    public CollectingRecordWriter FailsFor(string poSysId, FailureKind kind, string error)
    {
        _failures[poSysId] = WriteResult.Failed(poSysId, kind, error);
        return this;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken)
    {
        // As the real writer: a cancelled call sends nothing and throws (the contract tests hold both to it).
        cancellationToken.ThrowIfCancellationRequested();
        _batches.Enqueue(batch);
        if (Gate is { } gate)
            await gate.PassAsync(cancellationToken).ConfigureAwait(false);
        else
            await Task.Yield();
        if (BatchFailure is { } failure)
            throw failure;
        var results = new List<WriteResult>();
        foreach (var update in batch)
        {
            if (_failures.TryGetValue(update.PoSysId, out var failed))
            {
                results.Add(failed);
                continue;
            }
            _applyTo?.Apply(update);
            _written[update.PoSysId] = update;
            results.Add(WriteResult.Ok(update.PoSysId));
        }
        return results;
    }

    /// <summary>Succeeded for a PO whose last written update equals the one asked about.</summary>
    public Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<StatusUpdate> updates, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WriteResult>>(updates.Select(u =>
            _written.TryGetValue(u.PoSysId, out var written) && written.PoFields.Count == u.PoFields.Count
                && u.PoFields.All(f => written.PoFields.TryGetValue(f.Key, out var v) && v == f.Value)
                ? WriteResult.Ok(u.PoSysId)
                : WriteResult.Failed(u.PoSysId, FailureKind.Transient, "not written")).ToList());
}
