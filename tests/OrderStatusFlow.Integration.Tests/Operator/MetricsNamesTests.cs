using System.Text.RegularExpressions;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Operator;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Queries;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.Operator;

/// <summary>The metric names and types are a contract with dashboards and alerts: a golden file keeps them stable.</summary>
[TestFixture]
sealed class MetricsNamesTests : FixtureBase
{
    [Test]
    public async Task Metrics_FamilyNamesAndTypes_MatchTheGoldenFile()
    {
        var folder = NewTempDirectory();
        var db = Path.Combine(folder, "activity.db");
        await (await SqliteActivityLog.OpenAsync(db)).DisposeAsync();
        await using var service = new SyncService(new SyncServiceOptions { PipelinePath = Path.Combine(folder, "none.json"), WatchFile = false },
            new StageRegistry(), new InMemoryActivityLog());
        using var collector = new MetricsCollector(TimeProvider.System);
        var console = new ConsoleContext
        {
            Service = service,
            Queries = new ConsoleQueries(db),
            Actions = new OperatorActionLog(db),
            Options = new ConsoleOptions(),
        };
        var text = await MetricsRoute.WriteAsync(console, collector, CancellationToken.None);
        var families = Regex.Matches(text, @"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}");
        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Operator", "metrics.golden.txt")).Where(l => l.Length > 0);
        Assert.That(families, Is.EqualTo(golden), "a renamed metric breaks dashboards: update the golden file only on purpose");
        Assert.That(families, Has.All.StartWith("orderstatusflow_"));
        Assert.That(families.Where(f => f.EndsWith(" counter", StringComparison.Ordinal)), Has.All.Contains("_total "));
    }
}
