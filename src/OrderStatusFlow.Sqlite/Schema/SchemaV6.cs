namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 6: the polling schedule survives a restart. <c>po_state</c> gains what the scheduler keeps per PO beside
/// <c>next_check_at</c> (already there, now filled): the digest of the PO fields last read, the rule set that last
/// evaluated it, its schedule failure streak (drives the back-off; the log's own <c>consecutive_failures</c> is kept
/// as it is), when TD SYNNEX was last asked, and the state of the last answer. The packed last answer itself goes to
/// <c>po_answers</c>, so scans of <c>po_state</c> by analysts and the console stay narrow.
/// </summary>
/// <remarks>
/// Existing rows are kept; their new columns start empty (<c>fields_hash</c> NULL = the schedule does not know the
/// PO yet, so it is checked at the next cycle as before).
/// </remarks>
internal static class SchemaV6
{
    public const string Sql = """
        ALTER TABLE po_state ADD COLUMN fields_hash TEXT;
        ALTER TABLE po_state ADD COLUMN rules_version TEXT;
        ALTER TABLE po_state ADD COLUMN check_failures INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE po_state ADD COLUMN tds_asked_at TEXT;
        ALTER TABLE po_state ADD COLUMN answer_state TEXT;

        CREATE TABLE po_answers(
            po_sys_id TEXT PRIMARY KEY,
            answer    BLOB NOT NULL) WITHOUT ROWID;
        """;
}
