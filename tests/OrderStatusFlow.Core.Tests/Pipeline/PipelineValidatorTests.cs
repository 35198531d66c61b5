using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

public sealed class PipelineValidatorTests
{
    static IReadOnlyList<PipelineProblem> Problems(string json)
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        return new PipelineDefinitionLoader(fakes.Registry, _ => null).TryParse(json, "pipelines/order-status.json").Problems;
    }

    [Test]
    public void Validate_ManyProblems_ReportsEveryOneWithItsLocation()
    {
        var json = """
            {
              "name": "x",
              "enabled": "yes",
              "interval": "5s",
              "colour": "blue",
              "stages": [
                { "type": "fake.source" },
                { "type": "fake.status", "paralelism": 4, "parallelism": 99 },
                { "type": "fake.rules", "args": { "requestsPerSecond": 500, "bogus": 1 } },
                { "type": "fake.writer", "batchSize": 0, "flushAfter": "2 seconds" }
              ],
              "settings": { "nested": { "a": 1 }, "notFoundGraceCycles": 0 },
              "activityLog": { }
            }
            """;

        var problems = Problems(json);
        var text = problems.Select(p => p.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Some.Contains("enabled: must be true or false"));
            Assert.That(text, Has.Some.Contains("interval: must be a time span \"hh:mm:ss\""));
            Assert.That(text, Has.Some.Contains("colour: is not recognised; known: name, enabled, interval"));
            Assert.That(text, Has.Some.Contains("stages[1] (fake.status): paralelism is not recognised (did you mean 'parallelism'?)"));
            Assert.That(text, Has.Some.Contains("stages[1] (fake.status): parallelism must be between 1 and 64"));
            Assert.That(text, Has.Some.Contains("stages[2] (fake.rules): args.requestsPerSecond must be between 0 and 100"));
            Assert.That(text, Has.Some.Contains("stages[2] (fake.rules): args.bogus is not recognised; known: requestsPerSecond, connection, mode"));
            Assert.That(text, Has.Some.Contains("stages[3] (fake.writer): batchSize must be between 1 and 1000"));
            Assert.That(text, Has.Some.Contains("stages[3] (fake.writer): flushAfter must be a time span \"hh:mm:ss\""));
            Assert.That(text, Has.Some.Contains("settings.nested: must be a string, number or boolean"));
            Assert.That(text, Has.Some.Contains("settings.notFoundGraceCycles: must be a whole number"));
            Assert.That(text, Has.Some.Contains("activityLog.path: is missing"));
            Assert.That(problems, Has.All.Matches<PipelineProblem>(p => p.Line > 0 && p.Column > 0 && p.File == "pipelines/order-status.json"));
        });
        Assert.That(problems, Has.Count.EqualTo(12));
    }

    [Test]
    public void Validate_ParallelismOutOfRange_FormatsFileLineColumnPathMessage()
    {
        var json = FakeStages.PipelineJson(parallelism: 65);

        var problem = Problems(json).Single();

        Assert.That(problem.ToString(), Does.Match(@"^pipelines/order-status\.json:\d+:\d+: stages\[1\] \(fake\.status\): parallelism must be between 1 and 64$"));
        var line = json.Split('\n')[problem.Line - 1];
        Assert.That(line, Does.Contain("\"parallelism\": 65"));
    }

    [Test]
    public void Validate_UnknownStageType_ListsKnownTypesAndSuggestsTheClosest()
    {
        var json = FakeStages.PipelineJson().Replace("\"fake.status\"", "\"fake.stauts\"");

        var problem = Problems(json).Single();

        Assert.Multiple(() =>
        {
            Assert.That(problem.Path, Is.EqualTo("stages[1] (fake.stauts)"));
            Assert.That(problem.Message, Does.Contain("Did you mean 'fake.status'?"));
            Assert.That(problem.Message, Does.Contain("Known types: fake.rules, fake.source, fake.status, fake.writer"));
        });
    }

    [Test]
    public void Validate_WriterBeforeRules_ReportsTheOrder()
    {
        var json = """
            {
              "name": "x",
              "stages": [ { "type": "fake.source" }, { "type": "fake.status" }, { "type": "fake.writer" }, { "type": "fake.rules" } ],
              "activityLog": { "path": "a.db" }
            }
            """;

        var problems = Problems(json);

        Assert.That(problems.Select(p => p.ToString()), Has.Some.Contains("stages[2] (fake.writer): is a writer stage where the rules stage belongs; the order is source, status, rules, writer"));
    }

    [Test]
    public void Validate_MissingRoleAndSecondSource_ReportsBoth()
    {
        var json = FakeStages.PipelineJson().Replace("{ \"type\": \"fake.rules\", \"parallelism\": 2, \"boundedCapacity\": 8 }", "{ \"type\": \"fake.source\" }");

        var text = Problems(json).Select(p => p.ToString()).ToList();

        Assert.That(text, Has.Some.Contains("stages: has no rules stage; add one of: fake.rules"));
        Assert.That(text, Has.Some.Contains("stages[2] (fake.source): is a second source stage"));
    }

    [Test]
    public void Validate_KeyThatDoesNotApplyToTheRole_IsReported()
    {
        var json = FakeStages.PipelineJson().Replace("{ \"type\": \"fake.source\" }", "{ \"type\": \"fake.source\", \"batchSize\": 5 }");

        var problem = Problems(json).Single();

        Assert.That(problem.ToString(), Does.Contain("stages[0] (fake.source): batchSize does not apply to a source stage"));
    }

    [Test]
    public void Validate_OptionsValidateMethod_IsReportedAtTheArg()
    {
        var json = FakeStages.PipelineJson().Replace("\"args\": {}", "\"args\": { \"mode\": \"forbidden\" }");

        var problem = Problems(json).Single();

        Assert.That(problem.ToString(), Does.Contain("stages[3] (fake.writer): args.mode must not be 'forbidden'; use 'normal'"));
        Assert.That(problem.Line, Is.GreaterThan(0));
    }

    [Test]
    public void Validate_ArgOfWrongType_IsReported()
    {
        var json = FakeStages.PipelineJson().Replace("\"args\": {}", "\"args\": { \"requestsPerSecond\": \"fast\" }");

        var problem = Problems(json).Single();

        Assert.That(problem.ToString(), Does.Contain("stages[3] (fake.writer): args.requestsPerSecond must be a whole number (without quotes), not \"fast\""));
    }

    [Test]
    public void Validate_Problems_PointAtTheStartOfTheValueOrKey()
    {
        var json = "{\n  \"name\": \"x\",\n  \"enabled\": 42,\n  \"colour\": true,\n  \"stages\": [], \"activityLog\": { \"path\": \"a.db\" }\n}";

        var problems = Problems(json);

        Assert.That(problems.Single(p => p.Path == "enabled").ToString(), Does.StartWith("pipelines/order-status.json:3:14: enabled: "));
        Assert.That(problems.Single(p => p.Path == "colour").ToString(), Does.StartWith("pipelines/order-status.json:4:3: colour: "));
    }
}
