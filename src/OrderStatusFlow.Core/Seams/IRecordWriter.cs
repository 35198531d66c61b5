using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>Writes a batch of updates to the record system.</summary>
/// <remarks>
/// Failure contract: returns one <see cref="WriteResult"/> per update, in any order; a PO is updated only when all its
/// records were written and read back with the values sent. Throws <see cref="SyncException"/> only when the whole
/// batch could not be sent after retries; the pipeline then fails every PO of the batch. Never writes an update twice
/// within one call; it may be called concurrently only if it says so.
/// </remarks>
public interface IRecordWriter
{
    Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken);

    /// <summary>
    /// True: the writer sends a cycle's last batch as several smaller requests side by side itself
    /// (<see cref="WriteLastBatchAsync"/>), so the pipeline hands it over whole instead of splitting it across the
    /// write stage's parallel calls.
    /// </summary>
    bool SplitsLastBatch => false;

    /// <summary>
    /// Writes the cycle's last batch: nothing follows it, so the cycle waits for all of it. Same contract as
    /// <see cref="WriteBatchAsync"/>, which it is unless the writer <see cref="SplitsLastBatch"/>.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> WriteLastBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken) =>
        WriteBatchAsync(batch, cancellationToken);

    /// <summary>
    /// Reads the records of <paramref name="updates"/> back (writes nothing): succeeded when every field holds the
    /// value of the update, failed naming the fields that do not. Used to settle writes a stopped process sent.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<StatusUpdate> updates, CancellationToken cancellationToken);
}

/// <summary>The result of writing one <see cref="StatusUpdate"/>.</summary>
public sealed record WriteResult(string PoSysId, bool Succeeded, FailureKind? FailureKind = null, string? Error = null)
{
    public static WriteResult Ok(string poSysId) => new(poSysId, true);

    public static WriteResult Failed(string poSysId, FailureKind kind, string error) => new(poSysId, false, kind, error);
}
