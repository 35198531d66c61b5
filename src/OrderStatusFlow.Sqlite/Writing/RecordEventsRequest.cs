using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Inserts <c>sync_events</c> rows exactly as given; the result is the number inserted.</summary>
internal sealed class RecordEventsRequest(IReadOnlyList<ActivityEntry> entries) : WriteRequest
{
    private const string Sql = """
        INSERT INTO sync_events(run_id, at, po_number, po_sys_id, outcome, tds_status, previous_status, new_status,
                                fields_json, error, rules_version, detail)
        VALUES (@RunId, @At, @PoNumber, @PoSysId, @Outcome, @TdsStatus, @PreviousStatus, @NewStatus,
                @FieldsJson, @Error, @RulesVersion, @Detail);
        """;

    public override int Weight => entries.Count;

    // The event of a PO settles the writes logged for it in the same run: same transaction, so never one without the other.
    private const string SettleSql = "DELETE FROM write_intents WHERE run_id = @RunId AND po_sys_id = @PoSysId;";

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Execute(SettleSql, entries.Select(e => new { e.RunId, e.PoSysId }), transaction);
        return Insert(connection, transaction);
    }

    private long Insert(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(Sql, entries.Select(e => new
        {
            e.RunId,
            At = ActivityLogTimestamps.ToText(e.At),
            e.PoNumber,
            e.PoSysId,
            Outcome = e.Outcome.ToText(),
            e.TdsStatus,
            e.PreviousStatus,
            e.NewStatus,
            e.FieldsJson,
            e.Error,
            e.RulesVersion,
            e.Detail,
        }), transaction);

    /// <summary>Checks what SQLite would reject, so a bad entry fails its caller and not the writer's batch.</summary>
    public static void Validate(IReadOnlyList<ActivityEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"RecordEventsAsync: entries[{i}] is null.");
            // A record whose number is empty still gets its (failed) event: it is identified by its sys_id.
            if (string.IsNullOrEmpty(entry.PoSysId) || entry.PoNumber is null)
            {
                throw new ArgumentException(
                    $"RecordEventsAsync: entries[{i}] (run {entry.RunId}) has no PoSysId; every event must name its PO.");
            }

            _ = entry.Outcome.ToText(); // throws for an undefined enum value
        }
    }
}
