using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>The pipeline file's <c>schedule</c> section: the TD SYNNEX call budget and the back-off after failures.</summary>
public sealed class ScheduleSectionTests
{
    static PipelineValidationResult Parse(string schedule)
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        var json = FakeStages.PipelineJson().Replace("\"activityLog\":", $"\"schedule\": {schedule},\n  \"activityLog\":", StringComparison.Ordinal);
        return new PipelineDefinitionLoader(fakes.Registry, _ => null).TryParse(json, "pipelines/order-status.json");
    }

    [Test]
    public void Schedule_Given_IsRead()
    {
        var result = Parse("""{ "maxRequestsPerHour": 30000, "errorBackoff": "00:01:00", "errorBackoffMax": "00:03:00" }""");

        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Problems));
        var schedule = result.Definition!.Schedule;
        Assert.Multiple(() =>
        {
            Assert.That(schedule.MaxRequestsPerHour, Is.EqualTo(30000));
            Assert.That(schedule.BackoffAfter(1), Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(schedule.BackoffAfter(2), Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(schedule.BackoffAfter(5), Is.EqualTo(TimeSpan.FromMinutes(3)), "capped by errorBackoffMax");
        });
    }

    [Test]
    public void Schedule_Absent_NoLimit()
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        var result = new PipelineDefinitionLoader(fakes.Registry, _ => null).TryParse(FakeStages.PipelineJson(), "p.json");

        Assert.That(result.Definition!.Schedule.MaxRequestsPerHour, Is.Zero);
    }

    [Test]
    public void Schedule_NegativeBudgetAndUnknownKey_AreReportedWithTheirPath()
    {
        var text = Parse("""{ "maxRequestsPerHour": -5, "burst": 10 }""").Problems.Select(p => p.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Some.Contains("schedule.maxRequestsPerHour"));
            Assert.That(text, Has.Some.Contains("burst"));
        });
    }
}
