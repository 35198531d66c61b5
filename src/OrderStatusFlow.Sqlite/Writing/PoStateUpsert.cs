using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// The <c>po_state</c> upsert: the PO's row after one more cycle. The status (and when it was seen) keeps its last
/// known label when the cycle brought none; the change time moves only on <c>updated</c>; a failure streak starts at the first failure
/// and counts up until another outcome resets it; the notFound streak counts consecutive notFound answers.
/// </summary>
internal static class PoStateUpsert
{
    private const string Sql = """
        INSERT INTO po_state(po_sys_id, po_number, status, status_seen_at, tds_status, last_run_id, last_checked_at, last_changed_at,
                             last_outcome, failing_since, consecutive_failures, last_error, not_found_streak)
        VALUES ($sysId, $number, NULLIF($new, ''), CASE WHEN $new <> '' THEN $at END, $tds, $run, $at,
                CASE WHEN $outcome = 'updated' THEN $at END, $outcome,
                CASE WHEN $outcome = 'failed' THEN $at END,
                CASE WHEN $outcome = 'failed' THEN 1 ELSE 0 END,
                CASE WHEN $outcome = 'failed' THEN $error END,
                $notFound)
        ON CONFLICT(po_sys_id) DO UPDATE SET
            po_number = excluded.po_number,
            status = COALESCE(excluded.status, po_state.status),
            status_seen_at = COALESCE(excluded.status_seen_at, po_state.status_seen_at),
            tds_status = excluded.tds_status,
            last_run_id = excluded.last_run_id,
            last_checked_at = excluded.last_checked_at,
            last_changed_at = COALESCE(excluded.last_changed_at, po_state.last_changed_at),
            last_outcome = excluded.last_outcome,
            failing_since = CASE WHEN excluded.last_outcome <> 'failed' THEN NULL
                                 WHEN po_state.last_outcome = 'failed' THEN po_state.failing_since
                                 ELSE excluded.failing_since END,
            consecutive_failures = CASE WHEN excluded.last_outcome <> 'failed' THEN 0
                                        WHEN po_state.last_outcome = 'failed' THEN po_state.consecutive_failures + 1
                                        ELSE 1 END,
            last_error = excluded.last_error,
            not_found_streak = CASE WHEN excluded.not_found_streak > 0 THEN po_state.not_found_streak + 1 ELSE 0 END;
        """;

    private static readonly string[] _names = ["$sysId", "$number", "$new", "$tds", "$run", "$at", "$outcome", "$error", "$notFound"];

    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        foreach (var name in _names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public static void Apply(SqliteCommand command, ActivityEntry e, string at, string outcome)
    {
        var p = command.Parameters;
        p[0].Value = e.PoSysId;
        p[1].Value = e.PoNumber;
        p[2].Value = (object?)e.NewStatus ?? DBNull.Value;
        p[3].Value = (object?)e.TdsStatus ?? DBNull.Value;
        p[4].Value = e.RunId;
        p[5].Value = at;
        p[6].Value = outcome;
        p[7].Value = (object?)e.Error ?? DBNull.Value;
        p[8].Value = string.Equals(e.TdsStatus, "notFound", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        command.ExecuteNonQuery();
    }
}
