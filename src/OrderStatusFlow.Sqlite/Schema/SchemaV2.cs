namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 2: makes <c>v_latest_status</c> cost O(POs x log events) instead of O(events). The status index becomes
/// covering (it also holds <c>new_status</c>), and the view skip-scans it: one index seek per PO to find the next
/// PO number, one to find that PO's latest labelled event. Same columns, same answers as version 1.
/// </summary>
internal static class SchemaV2
{
    public const string Sql = """
        DROP VIEW IF EXISTS v_latest_status;
        DROP INDEX IF EXISTS ix_sync_events_status;
        CREATE INDEX ix_sync_events_status ON sync_events(po_number, event_id, new_status) WHERE new_status <> '';

        -- Latest TDS label written or known per PO: new_status of the latest event that has one.
        CREATE VIEW v_latest_status(po_number, status, at) AS
            WITH RECURSIVE pos(po_number) AS (
                SELECT MIN(po_number) FROM sync_events WHERE new_status <> ''
                UNION ALL
                SELECT (SELECT MIN(s.po_number) FROM sync_events AS s
                        WHERE s.new_status <> '' AND s.po_number > pos.po_number)
                FROM pos WHERE pos.po_number IS NOT NULL)
            SELECT e.po_number, e.new_status, e.at
            FROM pos
            JOIN sync_events AS e ON e.event_id = (SELECT MAX(m.event_id) FROM sync_events AS m
                                                   WHERE m.new_status <> '' AND m.po_number = pos.po_number);
        """;
}
