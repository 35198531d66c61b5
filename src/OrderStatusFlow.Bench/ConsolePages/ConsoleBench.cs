using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Operator;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Bench.ConsolePages;

/// <summary>
/// <c>./run.sh bench console</c>: fills a fresh activity log with <c>--pos</c> POs and <c>--events</c> events (1,000 events
/// a cycle), serves the real console from it over loopback and times each page (median and slowest of N requests,
/// after two warm-ups). Nothing runs cycles meanwhile, so the times are the pages' own.
/// </summary>
static class ConsoleBench
{
    public static async Task<int> RunAsync(int pos, int events, int requests)
    {
        var folder = Path.Combine(Path.GetTempPath(), "osf-console-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "activity.db");
            var filled = Stopwatch.StartNew();
            await FillAsync(db, pos, events);
            Console.WriteLine($"activity log: {pos:N0} POs, {events:N0} events, {Math.Max(1, events / 1000):N0} cycles; filled in {filled.Elapsed.TotalSeconds:0.0} s");

            await using var service = new SyncService(new SyncServiceOptions { PipelinePath = Path.Combine(folder, "not-loaded.json"), WatchFile = false },
                new StageRegistry(), new NoActivityLog());
            await using var host = await ConsoleHost.StartAsync(new ConsoleOptions { Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0) },
                service, db, Serilog.Core.Logger.None, countFreshness: TimeSpan.Zero); // every request counts, as a page loaded every 15 s would
            using var http = new HttpClient { BaseAddress = host.Url };
            var lastRun = Math.Max(1, events / 1000);
            string[] paths =
            [
                "/", $"/?before={lastRun / 2}", $"/cycles/{lastRun}", $"/cycles/{lastRun}?outcome=failed", "/failures", "/failures?q=timeout",
                "/failures?view=resolved", "/po?number=PO0000042", "/po?number=PO00000", "/rules", "/actions", "/metrics", "/healthz/ready",
                "/failures?format=csv",
            ];
            Console.WriteLine($"{"page",-36} {"median ms",10} {"max ms",10} {"bytes",10}");
            foreach (var path in paths)
            {
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < requests + 2; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync(path);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (!response.IsSuccessStatusCode && path != "/healthz/ready") // not ready here: no pipeline is loaded
                        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                    bytes = body.Length;
                    if (i >= 2)
                        times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path,-36} {times[times.Count / 2],10:0.0} {times[^1],10:0.0} {bytes,10}"));
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// One cycle per 1,000 events, every 5 minutes; each event is one PO (every PO gets one event per --pos events).
    /// About 3% of the events fail: one PO in 25 fails on every third pass and is open at the end; another one in 25
    /// fails once in three passes and recovers (the resolved list). The rest are updated or skipped.
    /// </summary>
    static async Task FillAsync(string db, int pos, int events)
    {
        await (await SqliteActivityLog.OpenAsync(db)).DisposeAsync(); // the real schema
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue("@Pos", pos);
        command.Parameters.AddWithValue("@Events", events);
        command.Parameters.AddWithValue("@Runs", Math.Max(1, events / 1000));
        command.CommandText = """
            PRAGMA synchronous = OFF;
            BEGIN;
            WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < @Runs)
            INSERT INTO sync_runs(run_id, pipeline, started_at, finished_at, orders_seen, orders_updated, orders_failed, writes, rules_version, dry_run)
            SELECT i, 'bench', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 300) || ' seconds'),
                   strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 300 + 40) || ' seconds'), @Pos, 600, 20, 1200, 'bench0001', 0
            FROM r;
            WITH RECURSIVE e(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM e WHERE i < @Events)
            INSERT INTO sync_events(event_id, run_id, at, po_number, po_sys_id, outcome, tds_status, previous_status, new_status, fields_json, error, rules_version)
            SELECT i, (i - 1) / 1000 + 1,
                   strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (((i - 1) / 1000 + 1) * 300 + 20) || ' seconds'),
                   printf('PO%07d', (i * 7919) % @Pos), printf('po%030d', (i * 7919) % @Pos),
                   CASE WHEN (i % 25 = 0 AND ((i - 1) / @Pos) % 3 = 0) OR (i % 25 = 5 AND ((i - 1) / @Pos) % 3 = 1) THEN 'failed' WHEN i % 5 < 3 THEN 'updated' ELSE 'skipped' END,
                   'accepted', 'TDS Accepted', CASE WHEN i % 5 < 3 THEN 'TDS Shipped' ELSE '' END,
                   CASE WHEN i % 5 < 3 THEN '{"proc_po":{"u_tds_order_status":"TDS Shipped"}}' END,
                   CASE WHEN (i % 25 = 0 AND ((i - 1) / @Pos) % 3 = 0) OR (i % 25 = 5 AND ((i - 1) / @Pos) % 3 = 1) THEN 'TD SYNNEX PO Status did not answer within 30 s (timeout). Retried with back-off.' END,
                   'bench0001'
            FROM e;
            -- po_state as the writer keeps it: one row per PO from its latest event (a failure here is the first of its
            -- streak: failures come one pass in three).
            INSERT INTO po_state(po_sys_id, po_number, status, status_seen_at, tds_status, last_run_id, last_checked_at,
                                 last_changed_at, last_outcome, failing_since, consecutive_failures, last_error)
            SELECT e.po_sys_id, e.po_number, 'TDS Shipped', e.at, e.tds_status, e.run_id, e.at,
                   CASE WHEN e.outcome = 'updated' THEN e.at END, e.outcome,
                   CASE WHEN e.outcome = 'failed' THEN e.at END, CASE WHEN e.outcome = 'failed' THEN 1 ELSE 0 END,
                   e.error
            FROM (SELECT po_sys_id, MAX(event_id) AS event_id FROM sync_events GROUP BY po_sys_id) AS l
            JOIN sync_events AS e ON e.event_id = l.event_id;
            INSERT INTO log_meta(key, value) VALUES ('retention', '90.00:00:00');
            INSERT INTO rule_loads(at, rules_version, outcome, files_json, error)
            VALUES ('2026-01-01T00:00:00.000Z', 'bench0001', 'active', '[{"file":"10-status.csx","sha256":"00"}]', NULL);
            COMMIT;
            """;
        await command.ExecuteNonQueryAsync();
    }

    sealed class NoActivityLog : Core.Seams.IActivityLog
    {
        public Task<long> StartRunAsync(Core.Domain.RunStart run, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordEventsAsync(IReadOnlyList<Core.Domain.ActivityEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task FinishRunAsync(Core.Domain.RunSummary summary, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordRuleLoadAsync(Core.Domain.RuleLoadEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, int>> GetNotFoundStreaksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordIntentsAsync(IReadOnlyList<Core.Domain.WriteIntent> intents, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<Core.Domain.WriteIntent>> GetOpenIntentsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<int> CloseInterruptedRunsAsync(DateTimeOffset at, string error, CancellationToken cancellationToken) => throw new NotSupportedException();
        public void ScheduleRetention(TimeSpan retention) => throw new NotSupportedException();
    }
}
