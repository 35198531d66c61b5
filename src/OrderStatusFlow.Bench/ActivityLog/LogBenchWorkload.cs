using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Bench.ActivityLog;

/// <summary>
/// The simulated instance: POs PO0010001..., each with a status label; per cycle a few change (updated, with the
/// fields a real update writes), the day's failing set fails, the notFound set is skipped, the rest are unchanged.
/// Deterministic (fixed seed), so runs compare.
/// </summary>
sealed class LogBenchWorkload(LogBenchSettings settings)
{
    static readonly string[] Labels = ["TDS Accepted", "TDS Released", "TDS Backordered", "TDS Partial", "TDS Shipped", "TDS Invoiced"];
    readonly Random _random = new(11);
    readonly int[] _label = new int[settings.Pos];
    double _changeCarry;

    public static string Number(int po) => $"PO{10001 + po:D7}";

    static string SysId(int po) => $"{po:x8}a1b2c3d4e5f6a7b8c9d0e1f2";

    /// <summary>The entries of cycle <paramref name="cycle"/>; unchanged POs only when <paramref name="withUnchanged"/>.</summary>
    public List<ActivityEntry> Cycle(long runId, int cycle, DateTimeOffset at, bool withUnchanged, bool recordUnchanged, out CycleTally tally)
    {
        var cyclesPerDay = TimeSpan.FromDays(1) / settings.Interval;
        var day = (int)(cycle / cyclesPerDay);
        _changeCarry += settings.Pos * settings.ChangesPerDay / cyclesPerDay;
        var changes = (int)_changeCarry;
        _changeCarry -= changes;
        var changed = new HashSet<int>();
        while (changed.Count < changes)
            changed.Add(_random.Next(settings.Pos));
        var failing = Enumerable.Range(0, settings.Failing).Select(i => (day * 7919 + i * 104729) % settings.Pos).ToHashSet();
        var notFound = Enumerable.Range(0, settings.NotFound).Select(i => settings.Pos - 1 - i).ToHashSet();

        var entries = new List<ActivityEntry>(withUnchanged ? settings.Pos : changes + failing.Count + notFound.Count);
        tally = new CycleTally();
        for (var po = 0; po < settings.Pos; po++)
        {
            var before = Labels[_label[po]];
            ActivityEntry entry;
            if (notFound.Contains(po))
            {
                entry = Entry(runId, po, at, SyncOutcome.Skipped, "notFound", before, before) with { Detail = "not found at TD SYNNEX (3 cycles in a row)" };
                tally.Skipped++;
            }
            else if (failing.Contains(po))
            {
                entry = Entry(runId, po, at, SyncOutcome.Failed, "accepted", before, before) with
                {
                    Error = "permission: ServiceNow refused the write to proc_po.u_tds_tracking (403 Forbidden); give the integration user write access to that field",
                };
                tally.Failed++;
            }
            else if (changed.Contains(po))
            {
                _label[po] = Math.Min(_label[po] + 1, Labels.Length - 1);
                var after = Labels[_label[po]];
                entry = Entry(runId, po, at, SyncOutcome.Updated, "shipped", before, after) with
                {
                    FieldsJson = "{\"proc_po\":{\"u_tds_order_status\":\"" + after + "\",\"u_tds_ship_date\":\"2026-11-2" + (po % 10) + "\"},\"proc_po_item\":{\"1\":{\"u_tds_tracking\":\"1Z999AA1" + po.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + "\",\"u_tds_carrier\":\"UPS\"}}}",
                };
                tally.Updated++;
                tally.Writes += 2;
            }
            else
            {
                tally.Unchanged++;
                if (!withUnchanged)
                    continue;
                entry = Entry(runId, po, at, SyncOutcome.Unchanged, "accepted", before, before) with { StateOnly = !recordUnchanged };
            }
            entries.Add(entry);
        }
        return entries;
    }

    static ActivityEntry Entry(long runId, int po, DateTimeOffset at, SyncOutcome outcome, string tds, string before, string after) => new()
    {
        RunId = runId, At = at, PoNumber = Number(po), PoSysId = SysId(po), Outcome = outcome, TdsStatus = tds,
        PreviousStatus = before, NewStatus = after, RulesVersion = "9f2c4e1a7b3d",
    };

    /// <summary>How many POs of a cycle had each outcome (all POs, recorded as events or not).</summary>
    public sealed class CycleTally
    {
        public int Updated, Unchanged, Skipped, Failed, Writes;
    }
}
