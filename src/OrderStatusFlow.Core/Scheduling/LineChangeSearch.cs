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
        var from = await schedule.GetLinesSearchedFromAsync(cancellationToken).ConfigureAwait(false);
        var (touched, searchedAt) = await FindTouchedAsync(source, from, time, margin, cancellationToken).ConfigureAwait(false);
        return (await ChangedAsync(source, headers, touched, states, cancellationToken).ConfigureAwait(false), searchedAt);
    }

    /// <summary>
    /// The one query: the POs with a line updated since <paramref name="from"/> less <paramref name="margin"/>, and
    /// the time the next search may start from. No previous search: none, and the next starts now. A source that
    /// cannot tell: none, and the next search starts where this one did.
    /// </summary>
    public static async Task<(IReadOnlySet<string> Touched, DateTimeOffset? SearchedAt)> FindTouchedAsync(IOrderSource source, DateTimeOffset? from,
        TimeProvider time, TimeSpan margin, CancellationToken cancellationToken)
    {
        var searchedAt = time.GetUtcNow();
        if (from is null)
            return (new HashSet<string>(), searchedAt);
        if (await source.FindPosWithLinesUpdatedSinceAsync(from.Value - margin, cancellationToken).ConfigureAwait(false) is not { } touched)
            return (new HashSet<string>(), null);
        return (touched, searchedAt);
    }

    /// <summary>Of <paramref name="headers"/>, the POs the schedule knows that were touched and whose lines' digest differs from the stored one.</summary>
    public static async Task<IReadOnlySet<string>> ChangedAsync(IOrderSource source, IReadOnlyList<PurchaseOrder> headers, IReadOnlySet<string> touched,
        IReadOnlyDictionary<string, CheckState> states, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        List<PurchaseOrder> known = touched.Count == 0 ? [] : headers.Where(po => touched.Contains(po.SysId) && states.ContainsKey(po.SysId)).ToList();
        if (known.Count == 0)
            return changed;
        await foreach (var po in source.ReadLinesAsync(known, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            if (!string.Equals(FieldsHash.OfLines(po.Lines), states[po.SysId].LinesHash, StringComparison.Ordinal))
                changed.Add(po.SysId);
        return changed;
    }
}
