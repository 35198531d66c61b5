using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.ServiceNow.BatchUpdate;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// ServiceNow's Batch API over the simulated records: one request per batch, plus the real writer's read of the memo
/// fields just before a batch that appends to them (one per 100 such POs). The cycle's last batch is counted as the
/// real writer sends it with <paramref name="parallelism"/> requests allowed in flight: one memo read, then an equal
/// share of its records (whole POs) per request.
/// </summary>
internal sealed class WorldWriter(SimulatedWorld world, int parallelism) : IRecordWriter
{
    const int MaxItemsPerRequest = 100; // the servicenow.batch-update stage's default, as the week's pipeline file keeps it

    public bool SplitsLastBatch => parallelism > 1;

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<Core.Domain.StatusUpdate> batch, CancellationToken cancellationToken) =>
        Write(batch, requests: 1);

    public Task<IReadOnlyList<WriteResult>> WriteLastBatchAsync(IReadOnlyList<Core.Domain.StatusUpdate> batch, CancellationToken cancellationToken)
    {
        // A PO is one record for its header fields (memo appends included) and one per line with fields to write.
        var records = batch.Select(u => (IReadOnlyList<int>)new int[(u.PoFields.Count + u.PoAppends.Count > 0 ? 1 : 0) + u.Lines.Count(l => l.Fields.Count > 0)]).ToList();
        var size = ServiceNowRecordWriter.LastBatchPieceSize(records.Sum(r => r.Count), parallelism, MaxItemsPerRequest, records.Max(r => r.Count));
        return Write(batch, requests: ServiceNowRecordWriter.WholeUpdates(records, size).Count);
    }

    Task<IReadOnlyList<WriteResult>> Write(IReadOnlyList<Core.Domain.StatusUpdate> batch, int requests)
    {
        var appending = batch.Count(u => u.PoAppends.Count > 0);
        world.CountServiceNowRequests(requests + (appending + 99) / 100);
        foreach (var update in batch)
            world.Apply(update);
        return Task.FromResult<IReadOnlyList<WriteResult>>(batch.Select(u => WriteResult.Ok(u.PoSysId)).ToList());
    }

    /// <summary>Never called: <see cref="WorldLog"/> has no open intents to settle.</summary>
    public Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<Core.Domain.StatusUpdate> updates, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated week leaves no write unsettled");
}
