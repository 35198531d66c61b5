namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>The SQL behind <see cref="ActivityLogQueries"/>; column aliases match the row types.</summary>
internal static class QueriesSql
{
    public const string LastRuns = """
        SELECT run_id AS RunId, pipeline AS Pipeline, started_at AS StartedAt, finished_at AS FinishedAt,
               ROUND((julianday(finished_at) - julianday(started_at)) * 86400.0, 3) AS DurationSeconds,
               orders_seen AS OrdersSeen, orders_updated AS OrdersUpdated, orders_failed AS OrdersFailed,
               writes AS Writes, rules_version AS RulesVersion, dry_run AS DryRun, error AS Error
        FROM sync_runs
        ORDER BY run_id DESC
        LIMIT @Count;
        """;

    // Candidates come from the failed-events partial index; a PO is open when its failure is its latest event.
    public const string OpenFailures = """
        SELECT e.po_number AS PoNumber, e.po_sys_id AS PoSysId, e.at AS At, e.run_id AS RunId,
               e.tds_status AS TdsStatus, e.error AS Error,
               (SELECT COUNT(*) FROM sync_events AS c
                WHERE c.po_number = f.po_number AND c.outcome = 'failed'
                  AND c.event_id > IFNULL((SELECT o.event_id FROM sync_events AS o
                                           WHERE o.po_number = f.po_number AND o.outcome <> 'failed'
                                           ORDER BY o.event_id DESC LIMIT 1), 0)) AS ConsecutiveFailures
        FROM (SELECT po_number, MAX(event_id) AS event_id FROM sync_events WHERE outcome = 'failed'
              GROUP BY po_number) AS f
        JOIN sync_events AS e ON e.event_id = f.event_id
        WHERE f.event_id = (SELECT MAX(m.event_id) FROM sync_events AS m WHERE m.po_number = f.po_number)
        ORDER BY e.event_id DESC
        LIMIT @Limit;
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
