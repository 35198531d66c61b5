using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

public sealed class SchemaMigratorTests
{
    [Test]
    public async Task OpenAsync_Version1File_MigratesKeepingDataAndAnswers()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v1.db");
        List<(string, string)> before;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute(SchemaV1.Sql + "\nPRAGMA user_version = 1;");
            connection.Execute("""
                INSERT INTO sync_events(run_id, at, po_number, po_sys_id, outcome, new_status) VALUES
                  (1, '2026-11-27T08:00:00.000Z', 'PO1', 'po1', 'updated', 'TDS Accepted'),
                  (1, '2026-11-27T08:00:00.000Z', 'PO2', 'po2', 'updated', 'TDS Released'),
                  (2, '2026-11-27T08:00:05.000Z', 'PO1', 'po1', 'updated', 'TDS Shipped'),
                  (2, '2026-11-27T08:00:05.000Z', 'PO2', 'po2', 'failed', NULL);
                """);
            before = connection.Query<(string, string)>("SELECT po_number, status FROM v_latest_status ORDER BY po_number").AsList();
        }

        await using (var log = await SqliteActivityLog.OpenAsync(path))
        {
            using var reader = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            reader.Open();
            var after = reader.Query<(string, string)>("SELECT po_number, status FROM v_latest_status ORDER BY po_number").AsList();
            var plan = reader.Query<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN SELECT * FROM v_latest_status")
                .Select(p => p.Detail).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(reader.ExecuteScalar<long>("PRAGMA user_version"), Is.EqualTo(SchemaMigrator.LatestVersion));
                Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(4));
                Assert.That(before, Is.EqualTo(new[] { ("PO1", "TDS Shipped"), ("PO2", "TDS Released") }));
                Assert.That(after, Is.EqualTo(before));
                Assert.That(plan, Has.Some.Contains("po_state"));
                Assert.That(reader.Query<(string, long, string?)>(
                        "SELECT po_number, consecutive_failures, failing_since FROM po_state ORDER BY po_number"),
                    Is.EqualTo(new (string, long, string?)[] { ("PO1", 0, null), ("PO2", 1, "2026-11-27T08:00:05.000Z") }));
            });
        }

        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void LatestVersion_IsTheNumberOfMigrations_StartingFromEmptyFile()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "empty.db");
        int first, second, read;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            first = SchemaMigrator.Migrate(connection, path);
            second = SchemaMigrator.Migrate(connection, path);
            read = SchemaMigrator.ReadVersion(connection);
        }

        Directory.Delete(folder, recursive: true);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Zero);
            Assert.That(second, Is.EqualTo(SchemaMigrator.LatestVersion));
            Assert.That(read, Is.EqualTo(SchemaMigrator.LatestVersion));
        });
    }
}
