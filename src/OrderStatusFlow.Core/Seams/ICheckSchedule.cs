using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Core.Seams;

/// <summary>
/// What the scheduler keeps per PO between cycles: when TD SYNNEX is asked next, what the PO looked like when last
/// read (to see ServiceNow changes), which rule set last evaluated it, its failure streak, and the last TD SYNNEX
/// answer (so a rule change re-evaluates every PO without asking TD SYNNEX again).
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

    /// <summary>Stores what a cycle did with these POs (called as the activity log records them).</summary>
    Task RecordAsync(IReadOnlyList<CheckRecord> records, CancellationToken cancellationToken);
}
