using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

public sealed class PipelineDefinitionLoaderTests : FixtureBase
{
    static FakeStages Fakes() => new(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());

    static PipelineDefinitionLoader Loader(Func<string, string?>? env = null) => new(Fakes().Registry, env ?? (_ => null));

    [Test]
    public void TryParse_ValidFileWithComments_ReturnsDefinition()
    {
        var result = Loader().TryParse(FakeStages.PipelineJson(parallelism: 3, batchSize: 7), "p.json");

        Assert.That(result.Problems, Is.Empty);
        var definition = result.Definition!;
        Assert.Multiple(() =>
        {
            Assert.That(definition.Name, Is.EqualTo("test"));
            Assert.That(definition.Interval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(definition.StageFor(StageRole.Status).Parallelism, Is.EqualTo(3));
            Assert.That(definition.StageFor(StageRole.Writer).BatchSize, Is.EqualTo(7));
            Assert.That(definition.StageFor(StageRole.Writer).FlushAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(definition.ActivityLogPath, Is.EqualTo("data/activity.db"));
        });
    }

    [Test]
    public void TryParse_BadValueAfterComments_ReportsItsLineAndColumn()
    {
        var json = string.Join("\n",
            "{",
            "  // line 2 is a comment",
            "  /* line 3 too */",
            "  \"name\": \"x\",",
            "  \"interval\": \"5 seconds\",",
            "  \"stages\": [], \"activityLog\": { \"path\": \"a.db\" }",
            "}");

        var problems = Loader().TryParse(json, "pipelines/p.json").Problems;

        var interval = problems.Single(p => p.Path == "interval");
        Assert.Multiple(() =>
        {
            Assert.That(interval.Line, Is.EqualTo(5));
            Assert.That(interval.Column, Is.GreaterThan(14));
            Assert.That(interval.ToString(), Does.StartWith("pipelines/p.json:5:"));
            Assert.That(interval.Message, Does.Contain("hh:mm:ss"));
        });
    }

    [Test]
    public void TryParse_SyntaxError_ReportsLineAndColumn()
    {
        var json = "{\n  \"name\": \"x\",\n  \"enabled\": tru\n}";

        var problem = Loader().TryParse(json, "p.json").Problems.Single();

        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(3));
            Assert.That(problem.Column, Is.GreaterThan(0));
            Assert.That(problem.Message, Does.StartWith("invalid JSON"));
            Assert.That(problem.Message, Does.Not.Contain("Path '"));
        });
    }

    [Test]
    public void TryParse_DuplicateKey_IsAnError()
    {
        var json = "{\n  \"name\": \"x\",\n  \"name\": \"y\"\n}";

        var problem = Loader().TryParse(json, "p.json").Problems.Single();

        Assert.That(problem.Line, Is.EqualTo(3));
        Assert.That(problem.Message, Does.Contain("name"));
    }

    [Test]
    public void TryParse_EnvironmentVariables_AreExpandedInStrings()
    {
        var json = FakeStages.PipelineJson().Replace("\"http://localhost\"", "\"${OSF_FAKE_URL}/api\"");
        var env = new Dictionary<string, string> { ["OSF_FAKE_URL"] = "https://fake.example" };

        var definition = Loader(n => env.GetValueOrDefault(n)).TryParse(json, "p.json").Definition!;

        Assert.That((string?)definition.Connections["fake"]["url"], Is.EqualTo("https://fake.example/api"));
    }

    [Test]
    public void TryParse_UnsetVariableInRequiredValue_SaysWhichVariableToSet()
    {
        var json = FakeStages.PipelineJson()
            .Replace("\"http://localhost\"", "\"${OSF_FAKE_URL}\"")
            .Replace("{ \"type\": \"fake.source\" }", "{ \"type\": \"fake.source\", \"args\": { \"connection\": \"fake\" } }");

        var problem = Loader().TryParse(json, "p.json").Problems.Single();

        Assert.Multiple(() =>
        {
            Assert.That(problem.Path, Is.EqualTo("connections.fake.url"));
            Assert.That(problem.Message, Does.Contain("${OSF_FAKE_URL}"));
            Assert.That(problem.Message, Does.Contain("not set"));
            Assert.That(problem.Line, Is.GreaterThan(0));
        });
    }

    [Test]
    public void TryLoad_MissingFile_SaysHowToFix()
    {
        var path = Path.Combine(NewTempDirectory(), "nope.json");

        var problem = Loader().TryLoad(path).Problems.Single();

        Assert.That(problem.Message, Does.Contain("--pipeline"));
    }

    [Test]
    public void Load_InvalidFile_ThrowsWithEveryProblem()
    {
        var path = Path.Combine(NewTempDirectory(), "p.json");
        File.WriteAllText(path, "{ \"name\": 1, \"enabled\": \"yes\" }");

        var ex = Assert.Throws<PipelineValidationException>(() => Loader().Load(path));

        Assert.That(ex!.Problems.Select(p => p.Path), Is.SupersetOf(new[] { "name", "enabled", "activityLog", "stages" }));
        Assert.That(ex.Message, Does.Contain(path));
    }

    [Test]
    public void TryParse_ContentAfterTheObject_IsAnErrorButATrailingCommentIsNot()
    {
        var valid = FakeStages.PipelineJson();

        Assert.That(Loader().TryParse(valid + "\n// the end\n", "p.json").IsValid, Is.True);
        var problem = Loader().TryParse(valid + "\n{}", "p.json").Problems.Single();
        Assert.That(problem.Message, Does.Contain("Additional text"));
    }
}
