namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// The SQL behind <see cref="ConsoleQueries"/>. Every list is keyset-paged on an indexed id (never OFFSET), so a
/// page costs the same on the first day and after a million events.
/// </summary>
internal static class ConsoleSql
{
    const string EventColumns = """
        event_id AS EventId, run_id AS RunId, at AS At, po_number AS PoNumber, po_sys_id AS PoSysId,
        outcome AS Outcome, tds_status AS TdsStatus, previous_status AS PreviousStatus, new_status AS NewStatus,
        fields_json AS FieldsJson, error AS Error, detail AS Detail, rules_version AS RulesVersion
        """;

    public const string Runs = """
        SELECT run_id AS RunId, pipeline AS Pipeline, started_at AS StartedAt, finished_at AS FinishedAt,
               ROUND((julianday(finished_at) - julianday(started_at)) * 86400.0, 3) AS DurationSeconds,
               orders_seen AS OrdersSeen, orders_updated AS OrdersUpdated, orders_failed AS OrdersFailed,
               writes AS Writes, rules_version AS RulesVersion, dry_run AS DryRun, error AS Error
        FROM sync_runs
        WHERE run_id < @Before
        ORDER BY run_id DESC
        LIMIT @Limit;
        """;

    public const string LastFinishedRun = """
        SELECT run_id AS RunId, pipeline AS Pipeline, started_at AS StartedAt, finished_at AS FinishedAt,
               ROUND((julianday(finished_at) - julianday(started_at)) * 86400.0, 3) AS DurationSeconds,
               orders_seen AS OrdersSeen, orders_updated AS OrdersUpdated, orders_failed AS OrdersFailed,
               writes AS Writes, rules_version AS RulesVersion, dry_run AS DryRun, error AS Error
        FROM sync_runs
        WHERE finished_at IS NOT NULL
        ORDER BY run_id DESC
        LIMIT 1;
        """;

    public const string RunOutcomeCounts = """
        SELECT outcome AS Outcome, COUNT(*) AS Count FROM sync_events WHERE run_id = @RunId GROUP BY outcome ORDER BY outcome;
        """;

    public const string RunEvents = $"""
        SELECT {EventColumns}
        FROM sync_events
        WHERE run_id = @RunId AND event_id > @After AND (@Outcome IS NULL OR outcome = @Outcome)
        ORDER BY event_id
        LIMIT @Limit;
        """;

    public const string PoEvents = $"""
        SELECT {EventColumns}
        FROM sync_events
        WHERE po_number = @PoNumber AND event_id < @Before
        ORDER BY event_id DESC
        LIMIT @Limit;
        """;

    // Up to 20 distinct PO numbers starting with the text, by skip-scanning the po_number index.
    public const string PoNumbersLike = """
        WITH RECURSIVE pos(po_number, n) AS (
            SELECT MIN(po_number), 1 FROM sync_events WHERE po_number >= @Prefix AND po_number < @PrefixEnd
            UNION ALL
            SELECT (SELECT MIN(s.po_number) FROM sync_events AS s WHERE s.po_number > pos.po_number AND s.po_number < @PrefixEnd), n + 1
            FROM pos WHERE pos.po_number IS NOT NULL AND n < 20)
        SELECT po_number FROM pos WHERE po_number IS NOT NULL;
        """;

    // A PO's failure is open when it is the PO's latest event. Candidates come from the failed-events partial index,
    // newest first; the streak (since, in a row) is counted back to the last event that did not fail.
    public const string OpenFailures = """
        SELECT e.event_id AS EventId, e.po_number AS PoNumber, e.at AS At, e.run_id AS RunId, e.tds_status AS TdsStatus,
               e.error AS Error,
               (SELECT MIN(c.at) FROM sync_events AS c WHERE c.po_number = e.po_number AND c.outcome = 'failed'
                AND c.event_id > IFNULL((SELECT MAX(o.event_id) FROM sync_events AS o
                                         WHERE o.po_number = e.po_number AND o.outcome <> 'failed'), 0)) AS Since,
               (SELECT COUNT(*) FROM sync_events AS c WHERE c.po_number = e.po_number AND c.outcome = 'failed'
                AND c.event_id > IFNULL((SELECT MAX(o.event_id) FROM sync_events AS o
                                         WHERE o.po_number = e.po_number AND o.outcome <> 'failed'), 0)) AS Consecutive
        FROM sync_events AS e
        WHERE e.outcome = 'failed' AND e.event_id < @Before
          AND e.event_id = (SELECT MAX(m.event_id) FROM sync_events AS m WHERE m.po_number = e.po_number)
          AND (@Text IS NULL OR instr(lower(e.po_number), @Text) > 0 OR instr(lower(IFNULL(e.error, '')), @Text) > 0)
        ORDER BY e.event_id DESC
        LIMIT @Limit;
        """;

    public const string OpenFailureCount = """
        SELECT COUNT(*) FROM (SELECT po_number, MAX(event_id) AS event_id FROM sync_events WHERE outcome = 'failed'
                              GROUP BY po_number) AS f
        WHERE f.event_id = (SELECT MAX(m.event_id) FROM sync_events AS m WHERE m.po_number = f.po_number);
        """;

    // A failure is resolved when a later event of the same PO did not fail; one row per PO (its last failure). The
    // candidates are one per PO from the failed-events index (covering), not one per failed event.
    public const string ResolvedFailures = """
        SELECT e.event_id AS EventId, e.po_number AS PoNumber, e.at AS FailedAt, e.error AS Error,
               (SELECT r.at FROM sync_events AS r WHERE r.po_number = f.po_number AND r.event_id > f.event_id
                ORDER BY r.event_id LIMIT 1) AS ResolvedAt
        FROM (SELECT po_number, MAX(event_id) AS event_id FROM sync_events WHERE outcome = 'failed'
              GROUP BY po_number) AS f
        JOIN sync_events AS e ON e.event_id = f.event_id
        WHERE f.event_id < @Before
          AND f.event_id < (SELECT MAX(m.event_id) FROM sync_events AS m WHERE m.po_number = f.po_number)
          AND (@Text IS NULL OR instr(lower(e.po_number), @Text) > 0 OR instr(lower(IFNULL(e.error, '')), @Text) > 0)
        ORDER BY f.event_id DESC
        LIMIT @Limit;
        """;

    public const string RuleLoads = """
        SELECT load_id AS LoadId, at AS At, rules_version AS RulesVersion, outcome AS Outcome, files_json AS FilesJson,
               error AS Error
        FROM rule_loads
        WHERE load_id < @Before
        ORDER BY load_id DESC
        LIMIT @Limit;
        """;

    public const string ActiveRuleLoad = """
        SELECT load_id AS LoadId, at AS At, rules_version AS RulesVersion, outcome AS Outcome, files_json AS FilesJson,
               error AS Error
        FROM rule_loads WHERE outcome = 'active' ORDER BY load_id DESC LIMIT 1;
        """;

    public const string HasPoState = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'po_state';";

    public const string PoState = "SELECT * FROM po_state WHERE po_number = @PoNumber LIMIT 5;";
}
