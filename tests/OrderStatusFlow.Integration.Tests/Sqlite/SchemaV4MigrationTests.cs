using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Upgrading a version 3 file in place to version 4 (operator_actions in the schema).</summary>
public sealed class SchemaV4MigrationTests
{
    [Test]
    public async Task OpenAsync_Version3FileWithoutActions_GetsTheTableAndKeepsEveryRow()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v3.db");
        CreateVersion3(path, """
            INSERT INTO sync_runs(run_id, pipeline, started_at) VALUES (1, 'p', '2026-01-01T00:00:00.000Z');
            INSERT INTO log_meta(key, value) VALUES ('retention', '30.00:00:00');
            """);

        await (await SqliteActivityLog.OpenAsync(path)).DisposeAsync();
        var actions = new OperatorActionLog(path);
        await actions.RecordAsync(new OperatorAction(DateTimeOffset.UnixEpoch, "ops", "pause", null, "maintenance"), CancellationToken.None);

        using var reader = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        reader.Open();
        Assert.Multiple(async () =>
        {
            Assert.That(reader.ExecuteScalar<long>("PRAGMA user_version"), Is.EqualTo(4));
            Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_runs"), Is.EqualTo(1));
            Assert.That(reader.ExecuteScalar<string>("SELECT value FROM log_meta WHERE key = 'retention'"), Is.EqualTo("30.00:00:00"));
            Assert.That((await actions.LastPauseOrResumeAsync(CancellationToken.None))?.Detail, Is.EqualTo("maintenance"));
        });
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task OpenAsync_Version3FileWithAdHocActionsTable_KeepsItsRows()
    {
        // Before version 4 the console created operator_actions itself on its first action.
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v3.db");
        CreateVersion3(path, SchemaV4.Sql + """
            INSERT INTO operator_actions(at, who, action, target, detail) VALUES ('2026-01-01T00:00:00.000Z', 'ops', 'pause', NULL, 'kept');
            """);

        await (await SqliteActivityLog.OpenAsync(path)).DisposeAsync();

        var recent = await new OperatorActionLog(path).RecentAsync(10, CancellationToken.None);
        Assert.That(recent.Select(r => r.Detail), Is.EqualTo(new[] { "kept" }));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void OpenAsync_NewerVersionFile_RefusedWithTheVersionsAndWhatToDo()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v5.db");
        CreateVersion3(path, "PRAGMA user_version = 5;");

        var error = Assert.CatchAsync(async () => await (await SqliteActivityLog.OpenAsync(path)).DisposeAsync());

        Assert.That(error!.ToString(), Does.Contain("schema version 5").And.Contain("up to 4").And.Contain("--db"));
        Directory.Delete(folder, recursive: true);
    }

    static void CreateVersion3(string path, string more)
    {
        using var v3 = new SqliteConnection($"Data Source={path};Pooling=False");
        v3.Open();
        v3.Execute(SchemaV1.Sql + SchemaV2.Sql + SchemaV3.Sql + "\nPRAGMA user_version = 3;\n" + more);
    }
}
