namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 4: <c>write_intents</c>, the writes sent (or about to be) whose outcome is not recorded yet. A row is
/// inserted before a write is sent and deleted in the transaction that records the PO's event; rows left after a
/// crash are settled at the next start.
/// </summary>
internal static class SchemaV4
{
    public const string Sql = """
        CREATE TABLE write_intents(
            intent_id   INTEGER PRIMARY KEY,
            run_id      INTEGER NOT NULL,
            po_sys_id   TEXT NOT NULL,
            po_number   TEXT NOT NULL,
            at          TEXT NOT NULL,
            update_json TEXT NOT NULL,
            fields_json TEXT);
        CREATE INDEX ix_write_intents_po ON write_intents(run_id, po_sys_id);
        """;
}
