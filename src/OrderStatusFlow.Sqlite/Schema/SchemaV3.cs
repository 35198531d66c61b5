namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 3: the log grows with what happens, not with open POs x cycles. Adds <c>po_state</c> (one row per PO,
/// backfilled from the history already in the file), the missing <c>sync_runs</c> counters, <c>log_meta</c> (the
/// retention in force), <c>v_open_failures</c>, and the indexes retention and time-range exports need.
/// <c>v_latest_status</c> now reads <c>po_state</c>: same columns and meaning, cost by the number of POs.
/// </summary>
/// <remarks>
/// Backfill: the latest event of each PO gives its last run, check time, outcome and TD SYNNEX code; the latest
/// event with a label gives its status (and when it was seen); the latest <c>updated</c> event its change time; the trailing run of failed
/// (and of notFound) events its failure streak. Existing rows are kept as they are.
/// </remarks>
internal static class SchemaV3
{
    public const string Sql = """
        ALTER TABLE sync_runs ADD COLUMN orders_unchanged INTEGER;
        ALTER TABLE sync_runs ADD COLUMN orders_skipped INTEGER;
        ALTER TABLE sync_runs ADD COLUMN orders_would_update INTEGER;

        CREATE TABLE po_state(
            po_sys_id            TEXT PRIMARY KEY,
            po_number            TEXT NOT NULL,
            status               TEXT,
            status_seen_at       TEXT,
            tds_status           TEXT,
            last_run_id          INTEGER,
            last_checked_at      TEXT,
            last_changed_at      TEXT,
            last_outcome         TEXT,
            failing_since        TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_check_at        TEXT,
            last_error           TEXT,
            not_found_streak     INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;

        CREATE TABLE log_meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

        INSERT INTO po_state(po_sys_id, po_number, status, status_seen_at, tds_status, last_run_id, last_checked_at, last_changed_at,
                             last_outcome, failing_since, consecutive_failures, last_error, not_found_streak)
        SELECT e.po_sys_id, e.po_number,
               (SELECT s.new_status FROM sync_events AS s
                WHERE s.po_sys_id = e.po_sys_id AND s.new_status <> '' ORDER BY s.event_id DESC LIMIT 1),
               (SELECT s.at FROM sync_events AS s
                WHERE s.po_sys_id = e.po_sys_id AND s.new_status <> '' ORDER BY s.event_id DESC LIMIT 1),
               e.tds_status, e.run_id, e.at,
               (SELECT c.at FROM sync_events AS c
                WHERE c.po_sys_id = e.po_sys_id AND c.outcome = 'updated' ORDER BY c.event_id DESC LIMIT 1),
               e.outcome,
               CASE WHEN e.outcome = 'failed' THEN
                   (SELECT f.at FROM sync_events AS f
                    WHERE f.po_sys_id = e.po_sys_id
                      AND f.event_id > IFNULL((SELECT MAX(o.event_id) FROM sync_events AS o
                                               WHERE o.po_sys_id = e.po_sys_id AND o.outcome <> 'failed'), 0)
                    ORDER BY f.event_id LIMIT 1) END,
               CASE WHEN e.outcome = 'failed' THEN
                   (SELECT COUNT(*) FROM sync_events AS f
                    WHERE f.po_sys_id = e.po_sys_id
                      AND f.event_id > IFNULL((SELECT MAX(o.event_id) FROM sync_events AS o
                                               WHERE o.po_sys_id = e.po_sys_id AND o.outcome <> 'failed'), 0))
                    ELSE 0 END,
               CASE WHEN e.outcome = 'failed' THEN e.error END,
               (SELECT COUNT(*) FROM sync_events AS n
                WHERE n.po_sys_id = e.po_sys_id AND n.tds_status = 'notFound' COLLATE NOCASE
                  AND n.event_id > IFNULL((SELECT MAX(o.event_id) FROM sync_events AS o
                                           WHERE o.po_sys_id = e.po_sys_id
                                             AND IFNULL(o.tds_status, '') <> 'notFound' COLLATE NOCASE), 0))
        FROM (SELECT po_sys_id, MAX(event_id) AS event_id FROM sync_events GROUP BY po_sys_id) AS l
        JOIN sync_events AS e ON e.event_id = l.event_id;

        -- Lookups by number, status counts (covering; changes only when a status does), open failures, notFound streaks.
        CREATE INDEX ix_po_state_number ON po_state(po_number);
        CREATE INDEX ix_po_state_status ON po_state(status);
        CREATE INDEX ix_po_state_failing ON po_state(failing_since) WHERE last_outcome = 'failed';
        CREATE INDEX ix_po_state_not_found ON po_state(not_found_streak) WHERE not_found_streak > 0;
        -- Time ranges (exports, "today", failures of a day), and retention walking runs by start time.
        CREATE INDEX ix_sync_events_at ON sync_events(at);
        CREATE INDEX ix_sync_events_failed_at ON sync_events(at) WHERE outcome = 'failed';
        CREATE INDEX ix_sync_runs_started ON sync_runs(started_at);
        CREATE INDEX ix_rule_loads_at ON rule_loads(at);
        -- Served only what now reads po_state (the old v_latest_status, notFound streaks, sys_id lookups); every index
        -- costs space and time on each event written.
        DROP INDEX IF EXISTS ix_sync_events_status;
        DROP INDEX IF EXISTS ix_sync_events_not_found;
        DROP INDEX IF EXISTS ix_sync_events_po_sys_id;

        DROP VIEW IF EXISTS v_latest_status;
        -- Latest TDS label written (or known) per PO, and when a cycle last recorded the PO with it. The unary + keeps
        -- the planner from walking the status index for every row (a plain scan is several times faster); counts per
        -- status still read only that index.
        CREATE VIEW v_latest_status(po_number, status, at) AS
            SELECT po_number, status, status_seen_at FROM po_state WHERE +status IS NOT NULL;

        -- POs whose last outcome is failed: since when, how many cycles in a row, the latest error.
        CREATE VIEW v_open_failures(po_number, po_sys_id, failing_since, consecutive_failures, last_failed_at,
                                    last_run_id, tds_status, status, error) AS
            SELECT po_number, po_sys_id, failing_since, consecutive_failures, last_checked_at, last_run_id,
                   tds_status, status, last_error
            FROM po_state WHERE last_outcome = 'failed';
        """;
}
