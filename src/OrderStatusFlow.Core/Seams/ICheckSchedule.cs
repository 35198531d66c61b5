using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Core.Seams;

/// <summary>
/// What the scheduler keeps per PO between cycles: when TD SYNNEX is asked next, what the PO and its lines looked like
/// when last read (to see ServiceNow changes), which rule set last evaluated it, its failure streak, and the last TD
/// SYNNEX answer (so a rule change re-evaluates every PO without asking TD SYNNEX again).
/// </summary>
/// <remarks>
/// Failure contract: throws when the store cannot be read or written; the cycle then ends with that error (a
/// schedule that cannot be kept must not silently turn into "check nothing"). Safe to call from several threads.
/// </remarks>
public interface ICheckSchedule
{
    /// <summary>The state of every PO the schedule knows, keyed by <c>sys_id</c>. Read once per cycle.</summary>
    Task<IReadOnlyDictionary<string, CheckState>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The last TD SYNNEX answer held for the PO, or null when none is.</summary>
    Task<OrderStatus?> GetLastAnswerAsync(string poSysId, CancellationToken cancellationToken);

    /// <summary>
    /// The last TD SYNNEX answers held for these POs, read in bulk (a rule change re-evaluates every open PO): a PO
    /// without an answer is absent from the result; a PO whose stored answer cannot be read is listed with the reason
    /// in <see cref="StoredAnswers.Unreadable"/> and does not fail the others.
    /// </summary>
    Task<StoredAnswers> GetLastAnswersAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken);

    /// <summary>Stores what a cycle did with these POs (called as the activity log records them).</summary>
    Task RecordAsync(IReadOnlyList<CheckRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets POs that left the open set (closed, cancelled, no longer the connector's): their next check time,
    /// digests, failure streak and stored answer go; if such a PO comes back it is new to the schedule.
    /// </summary>
    Task ForgetAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken);

    /// <summary>
    /// Makes these known POs count as changed in ServiceNow until they are next checked (their stored field digest
    /// becomes <see cref="Scheduling.FieldsHash.ChangedMark"/>; everything else is kept): for POs whose lines a search
    /// found changed but that the budget left for later, so that the search can move on without losing them. Unknown
    /// POs are ignored.
    /// </summary>
    Task MarkChangedAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken);

    /// <summary>
    /// Where the next search for changed PO lines starts (the start of the last line search whose findings were all
    /// handled), or null before the first one.
    /// </summary>
    Task<DateTimeOffset?> GetLinesSearchedFromAsync(CancellationToken cancellationToken);

    /// <summary>Moves the start of the next search for changed PO lines (see <see cref="GetLinesSearchedFromAsync"/>).</summary>
    Task SetLinesSearchedFromAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
