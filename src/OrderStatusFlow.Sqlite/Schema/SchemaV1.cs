namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 1 of the Sync Activity Log schema: the tables and views of README "The Sync Activity Log" plus the indexes that keep
/// the views, the per-PO history and the notFound streak query fast at millions of events.
/// </summary>
/// <remarks>
/// "Latest" always means the highest <c>event_id</c> (insertion order), not the highest <c>at</c>, so clock skew
/// between cycles cannot reorder a PO's history. No CHECK constraints on text enums: later versions can add values
/// without rebuilding tables; the writer validates instead.
/// </remarks>
internal static class SchemaV1
{
    public const string Sql = """
        CREATE TABLE sync_runs(
            run_id         INTEGER PRIMARY KEY,
            pipeline       TEXT NOT NULL,
            started_at     TEXT NOT NULL,
            finished_at    TEXT,
            orders_seen    INTEGER,
            orders_updated INTEGER,
            orders_failed  INTEGER,
            writes         INTEGER,
            rules_version  TEXT,
            dry_run        INTEGER NOT NULL DEFAULT 0,
            error          TEXT);

        CREATE TABLE sync_events(
            event_id        INTEGER PRIMARY KEY,
            run_id          INTEGER NOT NULL,
            at              TEXT NOT NULL,
            po_number       TEXT NOT NULL,
            po_sys_id       TEXT NOT NULL,
            outcome         TEXT NOT NULL,
            tds_status      TEXT,
            previous_status TEXT,
            new_status      TEXT,
            fields_json     TEXT,
            error           TEXT,
            rules_version   TEXT,
            detail          TEXT);

        CREATE TABLE rule_loads(
            load_id       INTEGER PRIMARY KEY,
            at            TEXT NOT NULL,
            rules_version TEXT NOT NULL,
            outcome       TEXT NOT NULL,
            files_json    TEXT,
            error         TEXT);

        -- Per-PO history (by number) and "latest event of a PO" lookups.
        CREATE INDEX ix_sync_events_po_number ON sync_events(po_number, event_id);
        -- Per-PO lookups by sys_id (notFound streaks).
        CREATE INDEX ix_sync_events_po_sys_id ON sync_events(po_sys_id, event_id);
        -- v_latest_status: only events that carry a status label; covering, so the view never reads the table
        -- except for the one latest row per PO.
        CREATE INDEX ix_sync_events_status ON sync_events(po_number, event_id, new_status) WHERE new_status <> '';
        -- v_failures, newest first, and open failures.
        CREATE INDEX ix_sync_events_failed ON sync_events(po_number, event_id) WHERE outcome = 'failed';
        CREATE INDEX ix_sync_events_failed_recent ON sync_events(event_id) WHERE outcome = 'failed';
        -- notFound streak candidates.
        CREATE INDEX ix_sync_events_not_found ON sync_events(po_sys_id, event_id)
            WHERE tds_status = 'notFound' COLLATE NOCASE;
        -- Events of one run.
        CREATE INDEX ix_sync_events_run ON sync_events(run_id);
        CREATE INDEX ix_rule_loads_version ON rule_loads(rules_version);

        -- Latest TDS label written or known per PO: new_status of the latest event that has one.
        CREATE VIEW v_latest_status(po_number, status, at) AS
            SELECT e.po_number, e.new_status, e.at
            FROM (SELECT MAX(event_id) AS event_id FROM sync_events WHERE new_status <> '' GROUP BY po_number) AS l
            JOIN sync_events AS e ON e.event_id = l.event_id;

        -- Every failed event, newest first.
        CREATE VIEW v_failures(at, run_id, po_number, error) AS
            SELECT at, run_id, po_number, error FROM sync_events WHERE outcome = 'failed' ORDER BY event_id DESC;
        """;
}
