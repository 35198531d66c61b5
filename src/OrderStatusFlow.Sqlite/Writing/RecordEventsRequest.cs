using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// Records what a cycle did to each PO: every entry updates the PO's <c>po_state</c> row; entries that are not
/// <see cref="ActivityEntry.StateOnly"/> also insert a <c>sync_events</c> row exactly as given. The result is the
/// number of events inserted. Both statements are prepared once per request and rebound per entry.
/// </summary>
internal sealed class RecordEventsRequest(IReadOnlyList<ActivityEntry> entries) : WriteRequest
{
    private const string InsertEvent = """
        INSERT INTO sync_events(run_id, at, po_number, po_sys_id, outcome, tds_status, previous_status, new_status,
                                fields_json, error, rules_version, detail)
        VALUES ($run, $at, $number, $sysId, $outcome, $tds, $previous, $new, $fields, $error, $rules, $detail);
        """;

    public override int Weight => entries.Count;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        // The event of a PO settles the writes logged for it in the same run: same transaction, so never one without the other.
        connection.Execute("DELETE FROM write_intents WHERE run_id = @RunId AND po_sys_id = @PoSysId;",
            entries.Select(e => new { e.RunId, e.PoSysId }), transaction);
        using var state = PoStateUpsert.Prepare(connection, transaction);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertEvent;
        var p = new[] { "$run", "$at", "$number", "$sysId", "$outcome", "$tds", "$previous", "$new", "$fields", "$error", "$rules", "$detail" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        var inserted = 0L;
        foreach (var e in entries)
        {
            var at = ActivityLogTimestamps.ToText(e.At);
            var outcome = e.Outcome.ToText();
            PoStateUpsert.Apply(state, e, at, outcome);
            if (e.StateOnly)
            {
                continue;
            }

            object?[] values = [e.RunId, at, e.PoNumber, e.PoSysId, outcome, e.TdsStatus, e.PreviousStatus, e.NewStatus, e.FieldsJson, e.Error, e.RulesVersion, e.Detail];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            inserted += insert.ExecuteNonQuery();
        }

        return inserted;
    }

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
