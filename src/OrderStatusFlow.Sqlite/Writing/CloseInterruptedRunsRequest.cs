using Dapper;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// Finishes the runs a stopped process left open: finish time, the error given, and counters from their events.
/// The result is the number of runs closed.
/// </summary>
internal sealed class CloseInterruptedRunsRequest(DateTimeOffset at, string error) : WriteRequest
{
    private const string Sql = """
        UPDATE sync_runs
        SET finished_at = @At, error = @Error,
            orders_seen = (SELECT COUNT(*) FROM sync_events AS e WHERE e.run_id = sync_runs.run_id),
            orders_updated = (SELECT COUNT(*) FROM sync_events AS e WHERE e.run_id = sync_runs.run_id AND e.outcome IN ('updated', 'would_update')),
            orders_failed = (SELECT COUNT(*) FROM sync_events AS e WHERE e.run_id = sync_runs.run_id AND e.outcome = 'failed')
        WHERE finished_at IS NULL;
        """;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(Sql, new { At = ActivityLogTimestamps.ToText(at), Error = error }, transaction);
}
