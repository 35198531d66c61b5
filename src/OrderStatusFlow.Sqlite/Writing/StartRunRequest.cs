using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Inserts a <c>sync_runs</c> row; the result is its <c>run_id</c>.</summary>
internal sealed class StartRunRequest(RunStart run) : WriteRequest
{
    private const string Sql = """
        INSERT INTO sync_runs(pipeline, started_at, rules_version, dry_run)
        VALUES (@Pipeline, @StartedAt, @RulesVersion, @DryRun)
        RETURNING run_id;
        """;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.ExecuteScalar<long>(Sql, new
        {
            run.Pipeline,
            StartedAt = ActivityLogTimestamps.ToText(run.StartedAt),
            run.RulesVersion,
            DryRun = run.DryRun ? 1 : 0,
        }, transaction);
}
