namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>The SQL behind <see cref="ActivityLogQueries"/>; column aliases match the row types.</summary>
internal static class QueriesSql
{
    public const string LastRuns = """
        SELECT run_id AS RunId, pipeline AS Pipeline, started_at AS StartedAt, finished_at AS FinishedAt,
               ROUND((julianday(finished_at) - julianday(started_at)) * 86400.0, 3) AS DurationSeconds,
               orders_seen AS OrdersSeen, orders_updated AS OrdersUpdated, orders_failed AS OrdersFailed,
               orders_unchanged AS OrdersUnchanged, orders_skipped AS OrdersSkipped,
               orders_would_update AS OrdersWouldUpdate,
               writes AS Writes, rules_version AS RulesVersion, dry_run AS DryRun, error AS Error
        FROM sync_runs
        ORDER BY run_id DESC
        LIMIT @Count;
        """;

    public const string OpenFailures = """
        SELECT po_number AS PoNumber, po_sys_id AS PoSysId, last_failed_at AS At, failing_since AS FailingSince,
               last_run_id AS RunId, tds_status AS TdsStatus, error AS Error, consecutive_failures AS ConsecutiveFailures
        FROM v_open_failures
        ORDER BY last_failed_at DESC, po_number
        LIMIT @Limit;
        """;

    public const string PoState = """
        SELECT po_sys_id AS PoSysId, po_number AS PoNumber, status AS Status, tds_status AS TdsStatus,
               last_run_id AS LastRunId, last_checked_at AS LastCheckedAt, last_changed_at AS LastChangedAt,
               last_outcome AS LastOutcome, failing_since AS FailingSince, consecutive_failures AS ConsecutiveFailures,
               next_check_at AS NextCheckAt, last_error AS LastError
        FROM po_state
        WHERE po_number = @PoNumber;
        """;

    public const string Info = """
        SELECT (SELECT value FROM log_meta WHERE key = 'retention') AS Retention,
               (SELECT value FROM log_meta WHERE key = 'retention_last_pass_at') AS RetentionLastPassAt,
               (SELECT value FROM log_meta WHERE key = 'retention_last_cutoff') AS RetentionLastCutoff,
               (SELECT started_at FROM sync_runs ORDER BY run_id LIMIT 1) AS OldestRunAt,
               (SELECT at FROM sync_events ORDER BY event_id LIMIT 1) AS OldestEventAt,
               (SELECT at FROM rule_loads ORDER BY load_id LIMIT 1) AS OldestRuleLoadAt,
               (SELECT COUNT(*) FROM sync_runs) AS Runs,
               (SELECT COUNT(*) FROM sync_events) AS Events,
               (SELECT COUNT(*) FROM po_state) AS PurchaseOrders,
               (SELECT COUNT(*) FROM po_state WHERE last_outcome = 'failed') AS OpenFailures;
        """;

    public const string PoHistory = """
        SELECT event_id AS EventId, run_id AS RunId, at AS At, po_number AS PoNumber, po_sys_id AS PoSysId,
               outcome AS Outcome, tds_status AS TdsStatus, previous_status AS PreviousStatus,
               new_status AS NewStatus, fields_json AS FieldsJson, error AS Error, detail AS Detail,
               rules_version AS RulesVersion
        FROM sync_events
        WHERE po_number = @PoNumber
        ORDER BY event_id;
        """;
}
