using System.Text.RegularExpressions;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The hot read paths use their indexes: no full table scan of sync_events, no sort of it.</summary>
public sealed class QueryPlanTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 27, 8, 30, 0, TimeSpan.Zero);

    [TestCase("SELECT status, COUNT(*) FROM v_latest_status GROUP BY status", "ix_po_state_status")]
    [TestCase("SELECT * FROM v_open_failures ORDER BY failing_since", "ix_po_state_failing")]
    [TestCase("SELECT * FROM sync_events WHERE at >= '2026-11-27' ORDER BY at", "ix_sync_events_at")]
    [TestCase("SELECT at, po_number FROM sync_events WHERE outcome = 'failed' AND at >= '2026-11-27' ORDER BY at DESC", "ix_sync_events_failed_at")]
    [TestCase("SELECT * FROM v_failures LIMIT 50", "ix_sync_events_failed_recent")]
    [TestCase("SELECT * FROM v_failures WHERE po_number = 'PO0010005'", "ix_sync_events_failed")]
    [TestCase("SELECT * FROM sync_events WHERE po_number = 'PO0010005' ORDER BY event_id", "ix_sync_events_po_number")]
    [TestCase("SELECT * FROM sync_events WHERE run_id = 3", "ix_sync_events_run")]
    public async Task Explain_HotPath_UsesIndexWithoutFullScanOrSort(string sql, string index)
    {
        var plan = await PlanAsync(sql);

        AssertIndexedPlan(plan, index);
    }

    [Test]
    public async Task Explain_NotFoundStreakQuery_ReadsOnlyPosInAStreak()
    {
        var plan = await PlanAsync(NotFoundStreakQuery.Sql);

        AssertIndexedPlan(plan, "ix_po_state_not_found");
    }

    [Test]
    public async Task Explain_OpenFailuresAndHistoryQueries_UseIndexes()
    {
        var openFailures = await PlanAsync(QueriesSql.OpenFailures.Replace("@Limit", "50", StringComparison.Ordinal));
        var history = await PlanAsync(QueriesSql.PoHistory.Replace("@PoNumber", "'PO0010005'", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            AssertIndexedPlan(openFailures, "ix_po_state_failing", allowTempSort: true); // sorts only the open failures
            AssertIndexedPlan(history, "ix_sync_events_po_number");
        });
    }

    [Test]
    public async Task Explain_LatestStatusView_ReadsPoStateNotTheHistory()
    {
        var plan = string.Join("\n", await PlanAsync("SELECT * FROM v_latest_status"));

        Assert.That(plan, Does.Contain("po_state").And.Not.Contain("sync_events"), plan);
    }

    private static void AssertIndexedPlan(IReadOnlyList<string> plan, string index, bool allowTempSort = false)
    {
        var text = string.Join("\n", plan);
        // Scans of intermediate results (MATERIALIZE x / CO-ROUTINE x) are fine; a bare SCAN of a table is not.
        var subqueries = plan.Select(d => Regex.Match(d, "^(?:MATERIALIZE|CO-ROUTINE) (\\w+)$"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var bareScans = plan.Where(d => d.StartsWith("SCAN ", StringComparison.Ordinal) && !d.Contains(" USING ", StringComparison.Ordinal))
            .Where(d => !subqueries.Contains(d["SCAN ".Length..]))
            .ToList();
        Assert.That(text, Does.Match($@"\b{index}\b"), text);
        Assert.That(bareScans, Is.Empty, text);
        if (!allowTempSort)
        {
            Assert.That(text, Does.Not.Contain("TEMP B-TREE"), text);
        }
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(string sql)
    {
        await using var db = await TempActivityLog.CreateAsync();
        await SampleActivity.PopulateAsync(db.Log, _now);
        using var connection = db.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return details;
    }
}
