using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Builders for activity log rows in tests.</summary>
internal static class ActivityEntries
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public static ActivityEntry Event(
        long runId, int po, SyncOutcome outcome = SyncOutcome.Unchanged, string? tds = "accepted",
        string? newStatus = "TDS Accepted", DateTimeOffset? at = null, string? error = null) => new()
    {
        RunId = runId,
        At = at ?? T0,
        PoNumber = PoNumber(po),
        PoSysId = PoSysId(po),
        Outcome = outcome,
        TdsStatus = tds,
        PreviousStatus = null,
        NewStatus = newStatus,
        FieldsJson = outcome == SyncOutcome.Updated ? "{\"proc_po\":{\"u_tds_order_status\":\"" + newStatus + "\"}}" : null,
        Error = error ?? (outcome == SyncOutcome.Failed ? "transient: TD SYNNEX timed out; retried next cycle" : null),
        RulesVersion = "v1",
    };

    public static ActivityEntry NotFound(long runId, int po, SyncOutcome outcome = SyncOutcome.Skipped, string code = "notFound") =>
        Event(runId, po, outcome, tds: code, newStatus: null) with { Detail = "not found at TD SYNNEX" };

    public static string PoNumber(int po) => $"PO{po:D7}";

    public static string PoSysId(int po) => $"po{po:D30}";

    public static RunStart Run(DateTimeOffset? at = null, string? rulesVersion = "v1", bool dryRun = false) =>
        new("order-status", at ?? T0, rulesVersion, dryRun);
}
