using System.Text.RegularExpressions;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Example.FixedStatus;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Docs;

/// <summary>docs/adding-a-stage.md: its example stage compiles (it is in this folder), registers and runs.</summary>
public sealed partial class AddingAStageDocTests
{
    static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "adding-a-stage.md"));

    [TestCase("FixedStatusOptions.cs")]
    [TestCase("FixedStatusProvider.cs")]
    [TestCase("FixedStatusFactory.cs")]
    [TestCase("FixedStatusStages.cs")]
    public void Doc_ShowsTheExampleFileExactly(string file)
    {
        var code = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OrderStatusFlow.Core.Tests", "Docs", "FixedStatus", file)).Trim();
        var blocks = CSharpBlock().Matches(Doc).Select(m => m.Groups[1].Value.Trim()).ToList();

        Assert.That(blocks, Does.Contain(code));
    }

    [Test]
    public async Task ExampleStage_RegisteredWithOneLine_RunsInAPipeline()
    {
        var source = new InMemoryOrderSource([Some.PurchaseOrder("PO1"), Some.PurchaseOrder("PO2")]);
        var rules = new StaticRuleSetProvider();
        var writer = new CollectingRecordWriter(source);
        var fakes = new FakeStages(source, new ScriptedStatusProvider(), rules, writer);
        var registry = new StageRegistry().Register(fakes.Source).Register(fakes.Rules).Register(fakes.Writer)
            .AddFixedStatus();
        var json = FakeStages.PipelineJson().Replace("\"type\": \"fake.status\"", "\"type\": \"example.fixed-status\", \"args\": { \"headerCode\": \"shipped\" }", StringComparison.Ordinal);
        var definition = new PipelineDefinitionLoader(registry, _ => null).TryParse(json, "p.json").Definition!;
        var seams = new PipelineAssembler(registry).Create(definition);
        var log = new InMemoryActivityLog();

        var result = await Wait.ForAsync(new PipelineRunner(definition, seams, log, new PipelineRunOptions()).RunCycleAsync(CancellationToken.None), "the cycle");

        Assert.That(result.Counts.Seen, Is.EqualTo(2));
        Assert.That(log.EventsOf(result.RunId).Select(e => e.TdsStatus), Is.EqualTo(new[] { "shipped", "shipped" }));
    }

    [Test]
    public void ExampleStage_WrongArgType_ReportedAsTheDocSays()
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        var registry = new StageRegistry().Register(fakes.Source).Register(fakes.Rules).Register(fakes.Writer).AddFixedStatus();
        var json = FakeStages.PipelineJson().Replace("\"type\": \"fake.status\"", "\"type\": \"example.fixed-status\", \"args\": { \"headerCode\": 5 }", StringComparison.Ordinal);

        var problem = new PipelineDefinitionLoader(registry, _ => null).TryParse(json, "p.json").Problems.Single();

        Assert.That(problem.ToString(), Does.EndWith("stages[1] (example.fixed-status): args.headerCode must be a string, not 5"));
        Assert.That(Doc, Does.Contain("stages[1] (example.fixed-status): args.headerCode must be a string, not 5"));
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
