using System.Text.RegularExpressions;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>
/// Every ```sql block of docs/analyst-sql.md runs against a populated log (<see cref="SampleActivity"/>, today noon
/// UTC) and returns the columns and rows written down here. A block added to the doc without an expectation fails.
/// </summary>
public sealed class AnalystSqlTests
{
    private static readonly Dictionary<string, Expectation> _expected = new()
    {
        ["Last runs with their durations"] = new(
            ["run_id", "pipeline", "started_at", "seconds", "orders_seen", "orders_updated", "orders_unchanged", "orders_skipped", "orders_failed", "writes", "rules_version", "mode", "error"],
            rows => Assert.That(rows.Select(r => (r["run_id"], r["seconds"], r["mode"])),
                Is.EqualTo(new object?[] { (6L, 1.5, "dry run"), (5L, 1.5, ""), (4L, 1.5, ""), (3L, 1.5, ""), (2L, 1.5, ""), (1L, 1.5, "") }))),
        ["POs failing now (since when, how many cycles in a row)"] = new(
            ["po_number", "failing_since", "consecutive_failures", "last_failed_at", "error"],
            rows => Assert.That(rows.Select(r => (r["po_number"], r["consecutive_failures"], ((string)r["error"]!)[..11])),
                Is.EqualTo(new object?[] { ("PO0010005", 2L, "permission:") }))),
        ["Failures today (UTC)"] = new(
            ["at", "run_id", "po_number", "error"],
            rows => Assert.That(rows.Select(r => (r["run_id"], r["po_number"])),
                Is.EqualTo(new object?[] { (6L, "PO0010005"), (5L, "PO0010005"), (4L, "PO0010007") }))),
        ["One PO now, and its whole history #1"] = new(
            ["po_number", "status", "tds_status", "last_outcome", "last_checked_at", "last_changed_at", "failing_since", "consecutive_failures", "next_check_at"],
            rows => Assert.That(rows.Select(r => (r["po_number"], r["last_outcome"], r["consecutive_failures"], r["failing_since"])),
                Is.EqualTo(new object?[] { ("PO0010007", "would_update", 0L, (object?)null) }))),
        ["One PO now, and its whole history #2"] = new(
            ["event_id", "run_id", "at", "outcome", "tds_status", "previous_status", "new_status", "fields_json", "error", "detail", "rules_version"],
            rows => Assert.That(rows.Select(r => r["outcome"]),
                Is.EqualTo(new[] { "updated", "updated", "unchanged", "failed", "unchanged", "would_update" }))),
        ["Why did a PO change on a given day (fields written, and by which rules)"] = new(
            ["at", "run_id", "outcome", "previous_status", "new_status", "fields_json", "rules_version"],
            rows => Assert.That(rows.Select(r => (r["run_id"], r["outcome"], r["rules_version"])),
                Is.EqualTo(new object?[] { (1L, "updated", "r1"), (2L, "updated", "r1") }))),
        ["How many POs are in each status"] = new(
            ["status", "purchase_orders"],
            rows => Assert.That(rows.Sum(r => (long)r["purchase_orders"]!), Is.EqualTo(SampleActivity.PoCount - 1), "every PO but the notFound one has a label")),
        ["POs stuck in notFound (their latest answers from TD SYNNEX were notFound)"] = new(
            ["po_number", "po_sys_id", "cycles_in_a_row", "last_checked_at", "last_outcome"],
            rows => Assert.That(rows.Select(r => (r["po_number"], r["cycles_in_a_row"], r["last_outcome"])),
                Is.EqualTo(new object?[] { ("PO0010003", 6L, "skipped") }))),
        ["Writes to ServiceNow per day"] = new(
            ["day", "runs", "records_written", "orders_updated", "orders_unchanged", "orders_failed"],
            rows => Assert.That(rows.Select(r => r["runs"]), Is.EqualTo(new[] { 2L, 3L }), "today without the dry run, then yesterday")),
        ["Which rule versions ran, and which rule sets were rejected #1"] = new(
            ["rules_version", "first_run", "last_run", "runs", "rejected_loads"],
            rows => Assert.That(rows.Select(r => (r["rules_version"], r["runs"])), Is.EqualTo(new object?[] { ("r3", 3L), ("r1", 3L) }))),
        ["Which rule versions ran, and which rule sets were rejected #2"] = new(
            ["at", "rules_version", "outcome", "error"],
            rows => Assert.That(rows.Select(r => (r["rules_version"], r["outcome"])), Is.EqualTo(new object?[] { ("r2", "rejected"), ("r1", "active") }))),
        ["What the log keeps (retention in force, oldest rows)"] = new(
            ["retention", "last_pass_at", "oldest_run", "oldest_event", "purchase_orders"],
            rows => Assert.That(rows.Select(r => (r["retention"], r["purchase_orders"])), Is.EqualTo(new object?[] { ("90.00:00:00", 20L) }))),
    };

    private TempActivityLog? _db;

    public static IEnumerable<TestCaseData> Queries()
    {
        foreach (var (key, sql) in Blocks())
        {
            yield return new TestCaseData(key, sql).SetArgDisplayNames(key);
        }
    }

    [OneTimeSetUp]
    public async Task PopulateAsync()
    {
        // Noon today: "today" and "yesterday" in the doc's queries hold whatever the time of the run.
        var noon = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        _db = await TempActivityLog.CreateAsync();
        await SampleActivity.PopulateAsync(_db.Log, noon);
        _db.Log.RunRetention(TimeSpan.FromDays(90), noon); // removes nothing; records the retention in force
    }

    [OneTimeTearDown]
    public async Task CleanUpAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public void Doc_EveryBlock_HasAnExpectationAndEveryExpectationABlock() =>
        Assert.That(Blocks().Select(b => b.Key), Is.EquivalentTo(_expected.Keys));

    [TestCaseSource(nameof(Queries))]
    public void AnalystQuery_PopulatedLog_ReturnsTheDocumentedColumnsAndRows(string key, string sql)
    {
        Assert.That(_expected, Contains.Key(key), "a new query in docs/analyst-sql.md needs its expected result here");
        var expectation = _expected[key];
        using var connection = _db!.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(columns.Select((c, i) => (c, v: reader.IsDBNull(i) ? null : reader.GetValue(i))).ToDictionary(x => x.c, x => x.v));
        }

        Assert.That(columns, Is.EqualTo(expectation.Columns));
        expectation.Rows(rows);
    }

    private static List<(string Key, string Sql)> Blocks()
    {
        var markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "analyst-sql.md"));
        var matches = Regex.Matches(markdown, "^## (?<title>.+?)$|^```sql\\n(?<sql>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        var blocks = new List<(string Title, string Sql)>();
        var title = "";
        foreach (Match match in matches)
        {
            if (match.Groups["title"].Success)
                title = match.Groups["title"].Value.Trim();
            else
                blocks.Add((title, match.Groups["sql"].Value));
        }

        // A title with several blocks numbers them: "Title #1", "Title #2".
        return blocks.GroupBy(b => b.Title)
            .SelectMany(g => g.Count() == 1 ? g.Select(b => (b.Title, b.Sql)) : g.Select((b, i) => ($"{b.Title} #{i + 1}", b.Sql)))
            .ToList();
    }

    private sealed record Expectation(string[] Columns, Action<List<Dictionary<string, object?>>> Rows);
}
