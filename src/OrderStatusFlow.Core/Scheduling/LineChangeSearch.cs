using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// Finds the open POs whose lines changed in ServiceNow since they were last read: one query for the POs with a line
/// updated since the last search (less a margin), then the lines of those the schedule knows whose lines decide what
/// the cycle does with them (<see cref="CyclePlanner.LinesDecide"/>: not a PO checked anyway, whose lines the check
/// reads), each digest (<see cref="FieldsHash.OfLines"/>) compared with the one stored. The connector's own line writes
/// were laid over the stored digest, so they do not count. The first search (no previous one) finds nothing: every PO
/// is new then.
/// </summary>
internal static class LineChangeSearch
{
    /// <summary>The POs whose lines changed, and the time the next search may start from once they are handled (null: keep the old one).</summary>
    public static async Task<(Found Found, DateTimeOffset? SearchedAt)> FindAsync(IOrderSource source, ICheckSchedule schedule,
        IReadOnlyList<PurchaseOrder> headers, IReadOnlyDictionary<string, CheckState> states, Func<PurchaseOrder, bool> linesDecide, TimeProvider time,
        TimeSpan margin, CancellationToken cancellationToken)
    {
        var from = await schedule.GetLinesSearchedFromAsync(cancellationToken).ConfigureAwait(false);
        var (touched, searchedAt) = await FindTouchedAsync(source, from, time, margin, cancellationToken).ConfigureAwait(false);
        return (await ChangedAsync(source, headers, touched, states, linesDecide, cancellationToken).ConfigureAwait(false), searchedAt);
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

    /// <summary>
    /// Of <paramref name="headers"/>, the POs the schedule knows that were touched: those whose lines decide
    /// (<paramref name="linesDecide"/>) are read and kept when their digest differs from the stored one; the others
    /// are not read.
    /// </summary>
    public static async Task<Found> ChangedAsync(IOrderSource source, IReadOnlyList<PurchaseOrder> headers, IReadOnlySet<string> touched,
        IReadOnlyDictionary<string, CheckState> states, Func<PurchaseOrder, bool> linesDecide, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<PurchaseOrder>();
        foreach (var po in touched.Count == 0 ? [] : headers)
        {
            if (!touched.Contains(po.SysId) || !states.ContainsKey(po.SysId))
                continue;
            if (linesDecide(po))
                read.Add(po);
            else
                unread.Add(po.SysId);
        }
        if (read.Count > 0)
            await foreach (var po in source.ReadLinesAsync(read, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
                if (!string.Equals(FieldsHash.OfLines(po.Lines), states[po.SysId].LinesHash, StringComparison.Ordinal))
                    changed.Add(po.SysId);
        return new Found(changed, unread);
    }

    /// <summary>A failed search finds nothing and keeps its start: the same POs are looked for again next cycle.</summary>
    public static void LogFailure(Serilog.ILogger logger, Exception exception) =>
        logger.Warning("The search for PO lines changed in ServiceNow failed ({Error}); they are looked for again next cycle", exception.Message);

    /// <summary>What a search found among the POs of one read of headers.</summary>
    /// <param name="Changed">Read, and their lines differ from the stored digest: checked as changed.</param>
    /// <param name="Unread">Touched, not read: checked anyway, or left out by the request.</param>
    public sealed record Found(IReadOnlySet<string> Changed, IReadOnlySet<string> Unread)
    {
        public static Found Nothing { get; } = new(new HashSet<string>(), new HashSet<string>());

        /// <summary>
        /// The POs the search found, changed or not read, that <paramref name="check"/> does not check. Only when
        /// there are none (or they are marked changed for a later cycle) may the next search start after this one:
        /// a touched PO left unchecked would otherwise not be found again.
        /// </summary>
        public IReadOnlySet<string> NotHandledBy(IReadOnlyList<PurchaseOrder> check)
        {
            if (Changed.Count == 0 && Unread.Count == 0)
                return Nothing.Changed;
            var left = new HashSet<string>(Changed, StringComparer.Ordinal);
            left.UnionWith(Unread);
            foreach (var po in check)
                left.Remove(po.SysId);
            return left;
        }
    }
}
