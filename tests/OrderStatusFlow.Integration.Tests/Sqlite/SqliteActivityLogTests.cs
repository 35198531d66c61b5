using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

public sealed class SqliteActivityLogTests
{
    [Test]
    public async Task OpenAsync_NewPath_CreatesFolderSchemaAndWalMode()
    {
        await using var db = await TempActivityLog.CreateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(db.DbPath), Is.True);
            Assert.That(db.Scalar<string>("PRAGMA journal_mode;"), Is.EqualTo("wal"));
            Assert.That(db.Scalar<long>("PRAGMA user_version;"), Is.EqualTo(SqliteActivityLog.SchemaVersion));
            Assert.That(
                db.Query<string>("SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name"),
                Is.EqualTo(new[] { "log_meta", "operator_actions", "po_answers", "po_state", "rule_loads", "schedule_marks", "sync_events", "sync_runs", "v_failures", "v_latest_status", "v_open_failures", "write_intents" }));
            Assert.That(
                db.Query<string>("SELECT name FROM pragma_table_info('po_state') ORDER BY cid"),
                Is.SupersetOf(new[]
                {
                    "po_sys_id", "po_number", "status", "tds_status", "last_run_id", "last_checked_at", "last_changed_at",
                    "last_outcome", "failing_since", "consecutive_failures", "next_check_at",
                }));
            Assert.That(db.Scalar<long>("PRAGMA auto_vacuum;"), Is.EqualTo(2), "new files are created with auto_vacuum = INCREMENTAL");
            Assert.That(
                db.Query<string>("SELECT name FROM pragma_table_info('sync_events') ORDER BY cid"),
                Is.EqualTo(new[]
                {
                    "event_id", "run_id", "at", "po_number", "po_sys_id", "outcome", "tds_status", "previous_status",
                    "new_status", "fields_json", "error", "rules_version", "detail",
                }));
            Assert.That(
                db.Query<string>("SELECT name FROM pragma_table_info('sync_runs') ORDER BY cid"),
                Is.SupersetOf(new[]
                {
                    "run_id", "pipeline", "started_at", "finished_at", "orders_seen", "orders_updated", "orders_failed",
                    "writes", "rules_version", "dry_run", "orders_unchanged", "orders_skipped", "orders_would_update",
                }));
            Assert.That(
                db.Query<string>("SELECT name FROM pragma_table_info('rule_loads') ORDER BY cid"),
                Is.EqualTo(new[] { "load_id", "at", "rules_version", "outcome", "files_json", "error" }));
            Assert.That(db.Query<string>("SELECT name FROM pragma_table_info('v_latest_status')"),
                Is.EqualTo(new[] { "po_number", "status", "at" }));
            Assert.That(db.Query<string>("SELECT name FROM pragma_table_info('v_failures')"),
                Is.EqualTo(new[] { "at", "run_id", "po_number", "error" }));
        });
    }

    [Test]
    public async Task RecordEventsAsync_Entries_StoredAsGivenWithIsoUtcTimestamps()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        var local = new DateTimeOffset(2026, 11, 27, 10, 15, 30, 123, TimeSpan.FromHours(2));

        await db.Log.RecordEventsAsync(
        [
            Event(runId, 1, SyncOutcome.Updated, newStatus: "TDS Shipped", at: local),
            Event(runId, 2, SyncOutcome.WouldUpdate),
            NotFound(runId, 3),
        ], CancellationToken.None);

        var rows = db.Query<(string At, string Outcome, string PoSysId, string? Fields, string? Detail)>(
            "SELECT at, outcome, po_sys_id, fields_json, detail FROM sync_events ORDER BY event_id");
        Assert.Multiple(() =>
        {
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events WHERE run_id = @runId", new { runId }), Is.EqualTo(3));
            Assert.That(rows[0].At, Is.EqualTo("2026-11-27T08:15:30.123Z"));
            Assert.That(rows.Select(r => r.Outcome), Is.EqualTo(new[] { "updated", "would_update", "skipped" }));
            Assert.That(rows[0].PoSysId, Is.EqualTo(PoSysId(1)));
            Assert.That(rows[0].Fields, Is.EqualTo("{\"proc_po\":{\"u_tds_order_status\":\"TDS Shipped\"}}"));
            Assert.That(rows[2].Detail, Is.EqualTo("not found at TD SYNNEX"));
        });
    }

    [Test]
    public async Task StartAndFinishRunAsync_Run_StoresCounters()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var first = await db.Log.StartRunAsync(Run(dryRun: true), CancellationToken.None);
        var second = await db.Log.StartRunAsync(Run(rulesVersion: null), CancellationToken.None);

        await db.Log.FinishRunAsync(new RunSummary
        {
            RunId = second, FinishedAt = T0.AddSeconds(2.5), OrdersSeen = 18, OrdersUpdated = 5, OrdersFailed = 1,
            Writes = 12, RulesVersion = "v2", Error = null,
        }, CancellationToken.None);

        var run = db.Query<(string Started, string Finished, long Seen, long Updated, long Failed, long Writes, string Rules, long DryRun)>(
            "SELECT started_at, finished_at, orders_seen, orders_updated, orders_failed, writes, rules_version, dry_run FROM sync_runs WHERE run_id = @second",
            new { second }).Single();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first + 1));
            Assert.That(run, Is.EqualTo(("2026-11-27T08:00:00.000Z", "2026-11-27T08:00:02.500Z", 18L, 5L, 1L, 12L, "v2", 0L)));
            Assert.That(db.Scalar<long>("SELECT dry_run FROM sync_runs WHERE run_id = @first", new { first }), Is.EqualTo(1));
            Assert.That(db.Scalar<string?>("SELECT finished_at FROM sync_runs WHERE run_id = @first", new { first }), Is.Null);
        });
    }

    [Test]
    public async Task FinishRunAsync_EventsQueuedBefore_AreCommittedWhenItCompletes()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        var events = Enumerable.Range(1, 20)
            .Select(po => db.Log.RecordEventsAsync([Event(runId, po)], CancellationToken.None))
            .ToList();

        await db.Log.FinishRunAsync(new RunSummary { RunId = runId, FinishedAt = T0, OrdersSeen = 20 }, CancellationToken.None);

        Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(20));
        await Task.WhenAll(events);
    }

    [Test]
    public async Task FinishRunAsync_UnknownRun_ThrowsAndOtherWritesStillCommit()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        var bad = db.Log.FinishRunAsync(new RunSummary { RunId = 999, FinishedAt = T0 }, CancellationToken.None);
        var good = db.Log.RecordEventsAsync([Event(runId, 1)], CancellationToken.None);

        var error = Assert.ThrowsAsync<InvalidOperationException>(async () => await bad);
        await good;
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("run 999 does not exist"));
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RecordRuleLoadAsync_Rejected_StoresRow()
    {
        await using var db = await TempActivityLog.CreateAsync();

        await db.Log.RecordRuleLoadAsync(new RuleLoadEntry
        {
            At = T0, RulesVersion = "abc123", Outcome = "rejected", FilesJson = "[{\"name\":\"10-x.csx\"}]",
            Error = "10-x.csx(3,5): error CS1002: ; expected",
        }, CancellationToken.None);

        var row = db.Query<(string At, string Version, string Outcome, string Error)>(
            "SELECT at, rules_version, outcome, error FROM rule_loads").Single();
        Assert.That(row, Is.EqualTo(("2026-11-27T08:00:00.000Z", "abc123", "rejected", "10-x.csx(3,5): error CS1002: ; expected")));
    }

    [Test]
    public async Task RecordRuleLoadAsync_UnknownOutcome_ThrowsNamingTheChoices()
    {
        await using var db = await TempActivityLog.CreateAsync();

        var error = Assert.ThrowsAsync<ArgumentException>(() => db.Log.RecordRuleLoadAsync(
            new RuleLoadEntry { At = T0, RulesVersion = "v", Outcome = "ok", FilesJson = "[]" }, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("active, rejected"));
    }

    [Test]
    public async Task RecordEventsAsync_EntryWithoutPo_ThrowsAndWritesNothing()
    {
        await using var db = await TempActivityLog.CreateAsync();

        Assert.ThrowsAsync<ArgumentException>(() => db.Log.RecordEventsAsync(
            [Event(1, 1), Event(1, 2) with { PoSysId = "" }], CancellationToken.None));

        Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.Zero);
    }

    [Test]
    public async Task OpenAsync_ExistingFile_KeepsDataAndMigrationIsIdempotent()
    {
        await using var db = await TempActivityLog.CreateAsync();
        var runId = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync([Event(runId, 1), Event(runId, 2)], CancellationToken.None);

        await db.ReopenAsync();
        await db.ReopenAsync();
        var next = await db.Log.StartRunAsync(Run(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(db.Scalar<long>("SELECT COUNT(*) FROM sync_events"), Is.EqualTo(2));
            Assert.That(next, Is.EqualTo(runId + 1));
            Assert.That(db.Scalar<long>("PRAGMA user_version;"), Is.EqualTo(SqliteActivityLog.SchemaVersion));
        });
    }

    [Test]
    public async Task OpenAsync_FileFromNewerVersion_ThrowsConfigurationError()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "future.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var error = Assert.ThrowsAsync<SyncException>(() => SqliteActivityLog.OpenAsync(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Configuration));
            Assert.That(error.Message, Does.Contain("schema version 99").And.Contain(path)
                .And.Contain($"supports schema versions up to {SqliteActivityLog.SchemaVersion}").And.Contain("--db"));
        });
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task OpenAsync_NotADatabase_ThrowsWithPathAndHint()
    {
        var folder = TempActivityLog.NewFolder();
        var path = Path.Combine(folder, "notes.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = Assert.ThrowsAsync<SyncException>(() => SqliteActivityLog.OpenAsync(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("--db"));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task DisposeAsync_ThenWrite_ThrowsObjectDisposed()
    {
        await using var db = await TempActivityLog.CreateAsync();
        await db.Log.DisposeAsync();

        Assert.ThrowsAsync<ObjectDisposedException>(() => db.Log.StartRunAsync(Run(), CancellationToken.None));
    }
}
