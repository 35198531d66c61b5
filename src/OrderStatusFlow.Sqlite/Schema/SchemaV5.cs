namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Version 5: <c>operator_actions</c>, one row per console action (who did what, when). Before version 5 the console
/// created it on its first action; a file that already has it keeps its rows (<c>IF NOT EXISTS</c>), and the index
/// on the action kind serves "the latest pause or resume" read at every start.
/// </summary>
internal static class SchemaV5
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS operator_actions(
            action_id INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            who       TEXT NOT NULL,
            action    TEXT NOT NULL,   -- sync | retry | retry_failures | pause | resume
            target    TEXT,            -- the PO number, or how many POs
            detail    TEXT);
        CREATE INDEX IF NOT EXISTS ix_operator_actions_action ON operator_actions(action, action_id);
        """;
}
