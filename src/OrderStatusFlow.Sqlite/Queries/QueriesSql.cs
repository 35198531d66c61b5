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

    // One page of the open-failures inbox: keyset on (last_failed_at DESC, po_number), optional text filter.
    public const string OpenFailuresPage = """
        SELECT po_number AS PoNumber, po_sys_id AS PoSysId, last_failed_at AS At, failing_since AS FailingSince,
               last_run_id AS RunId, tds_status AS TdsStatus, error AS Error, consecutive_failures AS ConsecutiveFailures
        FROM v_open_failures
        WHERE (@AfterAt IS NULL OR last_failed_at < @AfterAt OR (last_failed_at = @AfterAt AND po_number > @AfterPo))
          AND (@Text IS NULL OR instr(lower(po_number), @Text) > 0 OR instr(lower(IFNULL(error, '')), @Text) > 0)
        ORDER BY last_failed_at DESC, po_number
        LIMIT @Limit;
        """;

    // Reads the partial index on failing POs only.
    public const string OpenFailureCount = "SELECT COUNT(*) FROM po_state WHERE last_outcome = 'failed';";

    // POs that failed and no longer do: a failed event (newest first, the failed-events index) that is its PO's last
    // failure, while po_state says the PO's last outcome is not failed; resolved at = the PO's next event.
    public const string ResolvedFailures = """
        SELECT e.event_id AS EventId, e.po_number AS PoNumber, e.at AS FailedAt, e.error AS Error,
               (SELECT r.at FROM sync_events AS r WHERE r.po_number = e.po_number AND r.event_id > e.event_id
                ORDER BY r.event_id LIMIT 1) AS ResolvedAt
        FROM sync_events AS e
        JOIN po_state AS s ON s.po_sys_id = e.po_sys_id
        WHERE e.outcome = 'failed' AND e.event_id < @Before AND s.last_outcome <> 'failed'
          AND NOT EXISTS (SELECT 1 FROM sync_events AS l
                          WHERE l.po_number = e.po_number AND l.outcome = 'failed' AND l.event_id > e.event_id)
          AND (@Text IS NULL OR instr(lower(e.po_number), @Text) > 0 OR instr(lower(IFNULL(e.error, '')), @Text) > 0)
        ORDER BY e.event_id DESC
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
