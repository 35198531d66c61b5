using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// ServiceNow's Batch API over the simulated records: one request per batch, plus the real writer's read of the memo
/// fields just before a batch that appends to them (one per 100 such POs).
/// </summary>
internal sealed class WorldWriter(SimulatedWorld world) : IRecordWriter
{
    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<Core.Domain.StatusUpdate> batch, CancellationToken cancellationToken)
    {
        var appending = batch.Count(u => u.PoAppends.Count > 0);
        world.CountServiceNowRequests(1 + (appending + 99) / 100);
        foreach (var update in batch)
            world.Apply(update);
        return Task.FromResult<IReadOnlyList<WriteResult>>(batch.Select(u => WriteResult.Ok(u.PoSysId)).ToList());
    }

    /// <summary>Never called: <see cref="WorldLog"/> has no open intents to settle.</summary>
    public Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<Core.Domain.StatusUpdate> updates, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated week leaves no write unsettled");
}
