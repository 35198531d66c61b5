using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>
/// A small realistic log: 20 POs (PO0010001..PO0010020) over cycles yesterday and today, with updates, failures, a
/// PO stuck in notFound, a dry run and two rule loads (one rejected).
/// </summary>
internal static class SampleActivity
{
    public const int FirstPo = 10001;
    public const int PoCount = 20;

    public static async Task PopulateAsync(SqliteActivityLog log, DateTimeOffset now)
    {
        string[] labels = ["TDS Accepted", "TDS Released", "TDS Backordered", "TDS Partial", "TDS Shipped", "TDS Invoiced"];
        await log.RecordRuleLoadAsync(new RuleLoadEntry
        {
            At = now.AddDays(-1), RulesVersion = "r1", Outcome = "active", FilesJson = "[{\"name\":\"10-status.csx\"}]",
        }, CancellationToken.None);
        await log.RecordRuleLoadAsync(new RuleLoadEntry
        {
            At = now.AddHours(-1), RulesVersion = "r2", Outcome = "rejected", FilesJson = "[{\"name\":\"10-status.csx\"}]",
            Error = "10-status.csx(4,9): error CS0103: The name 'Sett' does not exist in the current context",
        }, CancellationToken.None);

        for (var cycle = 0; cycle < 6; cycle++)
        {
            var started = cycle < 3 ? now.AddDays(-1).AddMinutes(cycle) : now.AddSeconds(cycle - 6);
            var rules = cycle < 3 ? "r1" : "r3";
            var run = await log.StartRunAsync(new RunStart("order-status", started, rules, DryRun: cycle == 5), CancellationToken.None);
            var entries = new List<ActivityEntry>();
            for (var po = FirstPo; po < FirstPo + PoCount; po++)
            {
                entries.Add(EventFor(run, po, cycle, started.AddMilliseconds(po - FirstPo), labels[Math.Min(cycle, (po % 6) + 0)], rules));
            }

            await log.RecordEventsAsync(entries, CancellationToken.None);
            await log.FinishRunAsync(new RunSummary
            {
                RunId = run, FinishedAt = started.AddMilliseconds(1500), OrdersSeen = entries.Count,
                OrdersUpdated = entries.Count(e => e.Outcome is SyncOutcome.Updated or SyncOutcome.WouldUpdate),
                OrdersFailed = entries.Count(e => e.Outcome == SyncOutcome.Failed),
                Writes = entries.Count(e => e.Outcome == SyncOutcome.Updated) * 3, RulesVersion = rules,
            }, CancellationToken.None);
        }
    }

    private static ActivityEntry EventFor(long run, int po, int cycle, DateTimeOffset at, string label, string rules)
    {
        var baseEntry = Event(run, po, SyncOutcome.Updated, newStatus: label, at: at) with { RulesVersion = rules };
        return po switch
        {
            // Stuck in notFound since the start.
            10003 => NotFound(run, po) with { At = at, RulesVersion = rules },
            // Failing in the latest cycles (open failure).
            10005 when cycle >= 4 => Event(run, po, SyncOutcome.Failed, at: at, error: "permission: write to u_tds_order_status refused (403); give the integration user the field ACL") with { RulesVersion = rules },
            // Failed once, then recovered (not open).
            10007 when cycle == 3 => Event(run, po, SyncOutcome.Failed, at: at) with { RulesVersion = rules },
            _ when cycle == 5 => baseEntry with { Outcome = SyncOutcome.WouldUpdate },
            _ when cycle > 0 && cycle % 2 == 0 => baseEntry with { Outcome = SyncOutcome.Unchanged, FieldsJson = null },
            _ => baseEntry,
        };
    }
}
