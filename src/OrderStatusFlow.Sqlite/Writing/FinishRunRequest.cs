using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Stores the counters of a finished cycle on its <c>sync_runs</c> row.</summary>
internal sealed class FinishRunRequest(RunSummary summary) : WriteRequest
{
    private const string Sql = """
        UPDATE sync_runs
        SET finished_at = @FinishedAt, orders_seen = @OrdersSeen, orders_updated = @OrdersUpdated,
            orders_failed = @OrdersFailed, orders_unchanged = @OrdersUnchanged, orders_skipped = @OrdersSkipped,
            orders_would_update = @OrdersWouldUpdate, writes = @Writes,
            rules_version = COALESCE(@RulesVersion, rules_version), error = @Error
        WHERE run_id = @RunId;
        """;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        var changed = connection.Execute(Sql, new
        {
            summary.RunId,
            FinishedAt = ActivityLogTimestamps.ToText(summary.FinishedAt),
            summary.OrdersSeen,
            summary.OrdersUpdated,
            summary.OrdersFailed,
            summary.OrdersUnchanged,
            summary.OrdersSkipped,
            summary.OrdersWouldUpdate,
            summary.Writes,
            summary.RulesVersion,
            summary.Error,
        }, transaction);
        if (changed == 0)
        {
            // Nothing was written, so failing only this request is safe.
            throw new InvalidOperationException(
                $"FinishRunAsync: run {summary.RunId} does not exist in sync_runs. Pass the id StartRunAsync returned.");
        }

        return summary.RunId;
    }
}
