using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Upgrading a version 5 file (po_state without the schedule columns) in place.</summary>
public sealed class SchemaV6MigrationTests
{
    [Test]
    public async Task OpenAsync_Version5File_KeepsEveryPoStateRowAndTheScheduleCanBeKeptInIt()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v5.db");
        List<(string, string?, string?, long)> before;
        using (var v4 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v4.Open();
            v4.Execute(SchemaV1.Sql + SchemaV2.Sql + SchemaV3.Sql + SchemaV4.Sql + SchemaV5.Sql + "\nPRAGMA user_version = 5;");
            v4.Execute("""
                INSERT INTO po_state(po_sys_id, po_number, status, last_checked_at, last_outcome, consecutive_failures) VALUES
                  ('po1', 'PO1', 'TDS Accepted', '2026-11-27T08:00:00.000Z', 'updated', 0),
                  ('po2', 'PO2', NULL, '2026-11-27T08:00:05.000Z', 'failed', 2);
                INSERT INTO write_intents(run_id, po_sys_id, po_number, at, update_json) VALUES (1, 'po2', 'PO2', '2026-11-27T08:00:05.000Z', '{}');
                """);
            before = v4.Query<(string, string?, string?, long)>("SELECT po_sys_id, status, last_checked_at, consecutive_failures FROM po_state ORDER BY po_sys_id").AsList();
        }

        await using (var log = await SqliteActivityLog.OpenAsync(path))
        {
            var schedule = new SqliteCheckSchedule(log);
            var unknown = await schedule.LoadAsync(CancellationToken.None);
            await schedule.RecordAsync([new CheckRecord
            {
                PoSysId = "po1", PoNumber = "PO1", At = ActivityEntries.T0, Asked = true, NextCheckAt = ActivityEntries.T0.AddMinutes(10), FieldsHash = "h1",
            }], CancellationToken.None);

            using var reader = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            reader.Open();
            var after = reader.Query<(string, string?, string?, long)>("SELECT po_sys_id, status, last_checked_at, consecutive_failures FROM po_state ORDER BY po_sys_id").AsList();
            Assert.Multiple(() =>
            {
                Assert.That(reader.ExecuteScalar<long>("PRAGMA user_version"), Is.EqualTo(SqliteActivityLog.SchemaVersion));
                Assert.That(after, Is.EqualTo(before), "the activity log's own columns are untouched by the upgrade and by the schedule");
                Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM write_intents"), Is.EqualTo(1));
                Assert.That(unknown, Is.Empty, "rows from before the upgrade are new to the schedule: checked at the next cycle");
                Assert.That(reader.Query<string?>("SELECT next_check_at FROM po_state ORDER BY po_sys_id"), Is.EqualTo(new[] { "2026-11-27T08:10:00.000Z", null }));
            });
        }

        Directory.Delete(folder, recursive: true);
    }
}
