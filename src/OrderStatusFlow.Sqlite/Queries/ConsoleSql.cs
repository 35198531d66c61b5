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
}
