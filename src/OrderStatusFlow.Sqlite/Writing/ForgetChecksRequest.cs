using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// POs that left the open set: their stored answer (<c>po_answers</c>) is deleted and the scheduler's columns of
/// <c>po_state</c> are cleared (next check, digests, rule set, failure streak). The row itself stays, with the
/// activity log's columns and when TD SYNNEX was last asked and what it answered, for analysts.
/// </summary>
internal sealed class ForgetChecksRequest(IReadOnlyCollection<string> poSysIds) : WriteRequest
{
    private const string StateSql = """
        UPDATE po_state SET next_check_at = NULL, fields_hash = NULL, lines_hash = NULL, rules_version = NULL, check_failures = 0
        WHERE po_sys_id = $sysId AND fields_hash IS NOT NULL;
        """;

    private const string AnswerSql = "DELETE FROM po_answers WHERE po_sys_id = $sysId;";

    public override int Weight => poSysIds.Count;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var state = Prepare(connection, transaction, StateSql);
        using var answer = Prepare(connection, transaction, AnswerSql);
        long forgotten = 0;
        foreach (var sysId in poSysIds)
        {
            state.Parameters[0].Value = sysId;
            forgotten += state.ExecuteNonQuery();
            answer.Parameters[0].Value = sysId;
            answer.ExecuteNonQuery();
        }

        return forgotten;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter { ParameterName = "$sysId" });
        return command;
    }
}
