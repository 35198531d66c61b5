using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// The scheduler's part of <c>po_state</c> after a cycle: next check time, field and line digests, rule set, failure streak,
/// when TD SYNNEX was last asked and the state it answered; a fresh answer (packed by the caller) replaces the one in
/// <c>po_answers</c>. The activity log's own columns are left as the event writes set them.
/// </summary>
internal sealed class RecordChecksRequest(IReadOnlyList<(CheckRecord Record, byte[]? Answer)> checks) : WriteRequest
{
    private const string StateSql = """
        INSERT INTO po_state(po_sys_id, po_number, next_check_at, fields_hash, rules_version, check_failures, tds_asked_at, answer_state, lines_hash)
        VALUES ($sysId, $number, $next, $hash, $rules, $failures, $asked, $state, $lines)
        ON CONFLICT(po_sys_id) DO UPDATE SET
            next_check_at = excluded.next_check_at,
            fields_hash = excluded.fields_hash,
            rules_version = excluded.rules_version,
            check_failures = excluded.check_failures,
            tds_asked_at = COALESCE(excluded.tds_asked_at, po_state.tds_asked_at),
            answer_state = COALESCE(excluded.answer_state, po_state.answer_state),
            lines_hash = excluded.lines_hash;
        """;

    private const string AnswerSql = """
        INSERT INTO po_answers(po_sys_id, answer) VALUES ($sysId, $answer)
        ON CONFLICT(po_sys_id) DO UPDATE SET answer = excluded.answer;
        """;

    public override int Weight => checks.Count;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var state = Prepare(connection, transaction, StateSql, "$sysId", "$number", "$next", "$hash", "$rules", "$failures", "$asked", "$state", "$lines");
        using var answer = Prepare(connection, transaction, AnswerSql, "$sysId", "$answer");
        foreach (var (record, packed) in checks)
        {
            var p = state.Parameters;
            p[0].Value = record.PoSysId;
            p[1].Value = record.PoNumber;
            p[2].Value = ActivityLogTimestamps.ToText(record.NextCheckAt);
            p[3].Value = record.FieldsHash;
            p[4].Value = (object?)record.RulesVersion ?? DBNull.Value;
            p[5].Value = record.ConsecutiveFailures;
            p[6].Value = record.Asked ? ActivityLogTimestamps.ToText(record.At) : DBNull.Value;
            p[7].Value = record.State is { } s ? s.ToString() : DBNull.Value;
            p[8].Value = record.LinesHash;
            state.ExecuteNonQuery();
            if (packed is not null)
            {
                answer.Parameters[0].Value = record.PoSysId;
                answer.Parameters[1].Value = packed;
                answer.ExecuteNonQuery();
            }
        }

        return checks.Count;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
