using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Inserts a <c>rule_loads</c> row; the result is its <c>load_id</c>.</summary>
internal sealed class RecordRuleLoadRequest(RuleLoadEntry entry) : WriteRequest
{
    private const string Sql = """
        INSERT INTO rule_loads(at, rules_version, outcome, files_json, error)
        VALUES (@At, @RulesVersion, @Outcome, @FilesJson, @Error)
        RETURNING load_id;
        """;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.ExecuteScalar<long>(Sql, new
        {
            At = ActivityLogTimestamps.ToText(entry.At),
            entry.RulesVersion,
            entry.Outcome,
            entry.FilesJson,
            entry.Error,
        }, transaction);

    public static void Validate(RuleLoadEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Outcome is not ("active" or "rejected"))
        {
            throw new ArgumentException(
                $"RecordRuleLoadAsync: outcome '{entry.Outcome}' is not one of: active, rejected.", nameof(entry));
        }
    }
}
