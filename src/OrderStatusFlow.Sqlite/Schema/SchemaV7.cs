namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 7: the schedule sees edits of PO lines. <c>po_state.lines_hash</c> is the digest of the PO's lines as last
/// read (with the connector's own writes laid over); <c>schedule_marks</c> holds named times of the scheduler, today
/// one: <c>lines_searched_from</c>, where the next search for lines changed in ServiceNow starts.
/// </summary>
/// <remarks>Existing rows are kept; <c>lines_hash</c> starts NULL (unknown: an edit of such a PO's lines makes it due).</remarks>
internal static class SchemaV7
{
    public const string Sql = """
        ALTER TABLE po_state ADD COLUMN lines_hash TEXT;

        CREATE TABLE schedule_marks(
            name TEXT PRIMARY KEY,
            at   TEXT NOT NULL) WITHOUT ROWID;
        """;
}
