using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// Finds the open POs whose lines changed in ServiceNow since they were last read: one query for the POs with a line
/// updated since the last search (less a margin), then the lines of only those the schedule knows, whose digest
/// (<see cref="FieldsHash.OfLines"/>) is compared with the one stored. The connector's own line writes were laid over
/// the stored digest, so they do not count. The first search (no previous one) finds nothing: every PO is new then.
/// </summary>
internal static class LineChangeSearch
{
    /// <summary>The POs whose lines changed, and the time the next search may start from once they are handled (null: keep the old one).</summary>
    public static async Task<(IReadOnlySet<string> Changed, DateTimeOffset? SearchedAt)> FindAsync(IOrderSource source, ICheckSchedule schedule,
        IReadOnlyList<PurchaseOrder> headers, IReadOnlyDictionary<string, CheckState> states, TimeProvider time, TimeSpan margin, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var searchedAt = time.GetUtcNow();
        if (await schedule.GetLinesSearchedFromAsync(cancellationToken).ConfigureAwait(false) is not { } from)
            return (changed, searchedAt);
        if (await source.FindPosWithLinesUpdatedSinceAsync(from - margin, cancellationToken).ConfigureAwait(false) is not { } touched)
            return (changed, null);
        var known = headers.Where(po => touched.Contains(po.SysId) && states.ContainsKey(po.SysId)).ToList();
        if (known.Count == 0)
            return (changed, searchedAt);
        await foreach (var po in source.ReadLinesAsync(known, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            if (!string.Equals(FieldsHash.OfLines(po.Lines), states[po.SysId].LinesHash, StringComparison.Ordinal))
                changed.Add(po.SysId);
        return (changed, searchedAt);
    }
}
