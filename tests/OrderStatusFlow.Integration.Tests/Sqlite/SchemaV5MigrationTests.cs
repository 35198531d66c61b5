using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Schema;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Upgrading a version 4 file in place to version 5 (operator_actions in the schema).</summary>
public sealed class SchemaV5MigrationTests
{
    [Test]
    public async Task OpenAsync_Version4FileWithoutActions_GetsTheTableAndKeepsEveryRow()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v4.db");
        CreateVersion4(path, """
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
            Assert.That(reader.ExecuteScalar<long>("PRAGMA user_version"), Is.EqualTo(SqliteActivityLog.SchemaVersion), "upgraded to the current version");
            Assert.That(reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_runs"), Is.EqualTo(1));
            Assert.That(reader.ExecuteScalar<string>("SELECT value FROM log_meta WHERE key = 'retention'"), Is.EqualTo("30.00:00:00"));
            Assert.That((await actions.LastPauseOrResumeAsync(CancellationToken.None))?.Detail, Is.EqualTo("maintenance"));
        });
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task OpenAsync_Version4FileWithAdHocActionsTable_KeepsItsRows()
    {
        // Before version 5 the console created operator_actions itself on its first action.
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "v4.db");
        CreateVersion4(path, SchemaV5.Sql + """
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
        var newer = SqliteActivityLog.SchemaVersion + 1;
        var path = Path.Combine(folder, $"v{newer}.db");
        CreateVersion4(path, $"PRAGMA user_version = {newer};");

        var error = Assert.CatchAsync(async () => await (await SqliteActivityLog.OpenAsync(path)).DisposeAsync());

        Assert.That(error!.ToString(), Does.Contain($"schema version {newer}").And.Contain($"up to {SqliteActivityLog.SchemaVersion}").And.Contain("--db"));
        Directory.Delete(folder, recursive: true);
    }

    static void CreateVersion4(string path, string more)
    {
        using var v4 = new SqliteConnection($"Data Source={path};Pooling=False");
        v4.Open();
        v4.Execute(SchemaV1.Sql + SchemaV2.Sql + SchemaV3.Sql + SchemaV4.Sql + "\nPRAGMA user_version = 4;\n" + more);
    }
}
