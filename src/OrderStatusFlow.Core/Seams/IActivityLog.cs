using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>The Sync Activity Log: one row per cycle, one per PO per cycle, one per rule load.</summary>
/// <remarks>
/// Failure contract: throws when the log cannot be written (disk full, file locked past its busy timeout). The
/// pipeline treats that as fatal for the cycle: an unrecorded cycle must not look like a recorded one.
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
    /// Asks the log to remove runs, events and rule loads older than <paramref name="retention"/>, in the
    /// background and in small steps; returns at once (a pass already running is not started twice).
    /// </summary>
    void ScheduleRetention(TimeSpan retention);
}
