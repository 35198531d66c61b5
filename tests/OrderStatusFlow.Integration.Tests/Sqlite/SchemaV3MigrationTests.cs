using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Upgrading a version 2 file (events for every PO every cycle, no po_state) in place.</summary>
public sealed class SchemaV3MigrationTests
{
    private const string StateColumns = """
        po_sys_id, po_number, status, status_seen_at, tds_status, last_run_id, last_checked_at, last_changed_at,
        last_outcome, failing_since, consecutive_failures, last_error, not_found_streak
        """;

    [Test]
    public async Task OpenAsync_Version2File_KeepsEveryRowAndBackfillsPoStateAsTheWriterWouldHave()
    {
        // The same history twice: written live by this build (po_state maintained row by row), and copied into a
        // version 2 file that the migration then upgrades. The backfill must give the same po_state.
        await using var live = await TempActivityLog.CreateAsync();
        await SampleActivity.PopulateAsync(live.Log, ActivityEntries.T0);
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v2.db");
        using (var v2 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v2.Open();
            v2.Execute(SchemaV1.Sql + SchemaV2.Sql + "\nPRAGMA user_version = 2;");
            v2.Execute("ATTACH DATABASE @live AS live;", new { live = live.DbPath });
            v2.Execute("""
                INSERT INTO sync_runs SELECT run_id, pipeline, started_at, finished_at, orders_seen, orders_updated,
                    orders_failed, writes, rules_version, dry_run, error FROM live.sync_runs;
                INSERT INTO sync_events SELECT * FROM live.sync_events;
                INSERT INTO rule_loads SELECT * FROM live.rule_loads;
                """);
        }

        await using (var migrated = await SqliteActivityLog.OpenAsync(path))
        {
            using var reader = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            reader.Open();
            var expected = live.Query<dynamic>($"SELECT {StateColumns} FROM po_state ORDER BY po_sys_id").Select(Flatten).ToList();
            var actual = reader.Query<dynamic>($"SELECT {StateColumns} FROM po_state ORDER BY po_sys_id").Select(Flatten).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(reader.ExecuteScalar<long>("PRAGMA user_version"), Is.EqualTo(SchemaMigrator.LatestVersion));
                Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(live.Scalar<long>("SELECT COUNT(*) FROM sync_events")));
                Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_runs"), Is.EqualTo(6));
                Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM rule_loads"), Is.EqualTo(2));
                Assert.That(actual, Has.Count.EqualTo(SampleActivity.PoCount));
                Assert.That(actual, Is.EqualTo(expected));
                Assert.That(reader.Query<string>("SELECT po_number FROM v_open_failures"), Is.EqualTo(new[] { "PO0010005" }));
            });
        }

        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Queries_Version2FileNotYetUpgraded_SayHowToUpgrade()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v2.db");
        using (var v2 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v2.Open();
            v2.Execute(SchemaV1.Sql + SchemaV2.Sql + "\nPRAGMA user_version = 2;");
        }

        var error = Assert.ThrowsAsync<OrderStatusFlow.Core.Domain.SyncException>(
            () => OrderStatusFlow.Sqlite.Queries.ActivityLogQueries.Open(path).OpenFailuresAsync());

        Assert.That(error!.Message, Does.Contain(path).And.Contain("older").And.Contain("./run.sh run --once"));
        Directory.Delete(folder, recursive: true);
    }

    private static string Flatten(dynamic row) =>
        string.Join("|", ((IDictionary<string, object?>)row).Select(kv => $"{kv.Key}={kv.Value}"));
}
