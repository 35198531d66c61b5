using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Upgrading a version 6 file (the schedule without line digests) in place.</summary>
public sealed class SchemaV7MigrationTests
{
    [Test]
    public async Task OpenAsync_Version6File_KeepsTheScheduleWithUnknownLineDigestsAndNoLineSearchYet()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v6.db");
        using (var v6 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v6.Open();
            v6.Execute(SchemaV1.Sql + SchemaV2.Sql + SchemaV3.Sql + SchemaV4.Sql + SchemaV5.Sql + SchemaV6.Sql + "\nPRAGMA user_version = 6;");
            v6.Execute("""
                INSERT INTO po_state(po_sys_id, po_number, next_check_at, fields_hash, rules_version, check_failures, tds_asked_at, answer_state)
                VALUES ('po1', 'PO1', '2026-11-27T09:00:00.000Z', 'h1', 'rules-1', 1, '2026-11-27T08:00:00.000Z', 'Shipped');
                INSERT INTO po_answers(po_sys_id, answer) VALUES ('po1', x'00');
                """);
        }

        await using (var log = await SqliteActivityLog.OpenAsync(path))
        {
            var schedule = new SqliteCheckSchedule(log);
            var states = await schedule.LoadAsync(CancellationToken.None);
            var searchedFrom = await schedule.GetLinesSearchedFromAsync(CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(states["po1"].FieldsHash, Is.EqualTo("h1"));
                Assert.That(states["po1"].NextCheckAt, Is.EqualTo(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
                Assert.That(states["po1"].ConsecutiveFailures, Is.EqualTo(1));
                Assert.That(states["po1"].HasAnswer, Is.True);
                Assert.That(states["po1"].LinesHash, Is.Empty, "lines not digested yet: an edit of them makes the PO due");
                Assert.That(searchedFrom, Is.Null, "no line search yet: the first one starts at the next cycle");
            });
        }

        Directory.Delete(folder, recursive: true);
    }
}
