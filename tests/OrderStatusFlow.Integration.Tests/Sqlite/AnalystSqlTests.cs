using OrderStatusFlow.TestKit;
using System.Text.RegularExpressions;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Every ```sql block of docs/analyst-sql.md runs against a populated log and returns rows.</summary>
public sealed class AnalystSqlTests
{
    private TempActivityLog? _db;

    public static IEnumerable<TestCaseData> Queries()
    {
        var markdown = File.ReadAllText(DocPath());
        var blocks = Regex.Matches(markdown, "^## (?<title>.+?)$|^```sql\\n(?<sql>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        var title = "";
        var index = 0;
        foreach (Match block in blocks)
        {
            if (block.Groups["title"].Success)
            {
                title = block.Groups["title"].Value.Trim();
                continue;
            }

            index++;
            yield return new TestCaseData(block.Groups["sql"].Value).SetArgDisplayNames($"{index:D2} {title}");
        }
    }

    [OneTimeSetUp]
    public async Task PopulateAsync()
    {
        _db = await TempActivityLog.CreateAsync();
        await SampleActivity.PopulateAsync(_db.Log, DateTimeOffset.UtcNow);
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
    public void Doc_SqlBlocks_BetweenFiveAndEight() =>
        Assert.That(Queries().Count(), Is.InRange(5, 8));

    [TestCaseSource(nameof(Queries))]
    public void AnalystQuery_PopulatedLog_RunsAndReturnsRows(string sql)
    {
        using var connection = _db!.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.That(rows, Is.GreaterThan(0), "the query returned nothing on the sample log: is it still right?");
    }

    [Test]
    public void StuckInNotFoundQuery_PopulatedLog_FindsOnlyTheStuckPo()
    {
        var sql = Queries().Select(q => (string)q.Arguments[0]!).Single(q => q.Contains("not_found_since", StringComparison.Ordinal));

        var rows = _db!.Query<(string Po, string SysId, string LastChecked, string Since)>(sql);

        Assert.That(rows.Select(r => r.Po), Is.EqualTo(new[] { "PO0010003" }));
        Assert.That(string.CompareOrdinal(rows[0].Since, rows[0].LastChecked), Is.LessThan(0));
    }

    private static string DocPath() => Path.Combine(RepoPaths.Root, "docs", "analyst-sql.md");

}
