using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>The Sync Activity Log: one row per cycle, one per PO per cycle, one per rule load.</summary>
/// <remarks>
/// Failure contract: while the log cannot be written (disk full, file locked by another writer) a write waits and
/// retries, which holds the pipeline back; it throws only when the log stayed unwritable past the implementation's
/// limit. The pipeline treats that as fatal for the cycle: an unrecorded cycle must not look like a recorded one.
/// Writes to the record system are logged as <see cref="WriteIntent"/>s before they are sent, so no committed write
/// can go unrecorded, even across a crash.
/// Implementations serialise writes internally and may be called from several threads.
/// </remarks>
public interface IActivityLog
{
    Task<long> StartRunAsync(RunStart run, CancellationToken cancellationToken);

    Task RecordEventsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken);

    Task FinishRunAsync(RunSummary summary, CancellationToken cancellationToken);

    Task RecordRuleLoadAsync(RuleLoadEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// For each PO whose latest events are consecutive <c>notFound</c> answers (outcome skipped or failed with
    /// <c>tds_status</c> notFound), the length of that streak, keyed by <c>po_sys_id</c>. Read once per cycle.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> GetNotFoundStreaksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records writes about to be sent. Completes when they are durable; the caller sends nothing until then. The
    /// event recorded later for the same run and PO settles each one.
    /// </summary>
    Task RecordIntentsAsync(IReadOnlyList<WriteIntent> intents, CancellationToken cancellationToken);

    /// <summary>Intents no event settled: the process stopped between sending a write and recording its outcome.</summary>
    Task<IReadOnlyList<WriteIntent>> GetOpenIntentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Finishes every run that has no finish time (the process stopped during it) with <paramref name="error"/> and
    /// counters from its recorded events; returns how many were closed. Called before a new run starts.
    /// </summary>
    Task<int> CloseInterruptedRunsAsync(DateTimeOffset at, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the log to remove runs, events and rule loads older than <paramref name="retention"/>, in the
    /// background and in small steps; returns at once (a pass already running is not started twice).
    /// </summary>
    void ScheduleRetention(TimeSpan retention);
}
