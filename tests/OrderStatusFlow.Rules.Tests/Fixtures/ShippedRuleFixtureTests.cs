using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Fixtures;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Rules.Tests.Fixtures;

/// <summary>Every case of every <c>rules/*.tests.json</c> of the repository, one NUnit test each.</summary>
[NonParallelizable]
public sealed class ShippedRuleFixtureTests
{
    static CompiledRuleSet? _set;

    public static IEnumerable<TestCaseData> Cases() =>
        RuleFixtureRunner.LoadCases(RepoPaths.Rules).Select(c => new TestCaseData(c).SetName($"Fixture_{c.File}_{c.Name}"));

    [OneTimeSetUp]
    public void CompileShippedRules()
    {
        var compiled = RuleCompiler.CompileDirectory(RepoPaths.Rules);
        Assert.That(compiled.ErrorText, Is.Empty, "the shipped rules do not compile");
        _set = compiled.RuleSet;
    }

    [OneTimeTearDown]
    public void Unload() => _set?.Unload();

    [TestCaseSource(nameof(Cases))]
    public void Fixture_ShippedRules_Pass(RuleFixtureCase fixture)
    {
        var result = RuleFixtureRunner.RunCase(_set!, fixture);
        Assert.That(result.Differences, Is.Empty, result.ToString());
    }

    [Test]
    public void LoadCases_ShippedRules_EveryScriptHasFixtures()
    {
        var scripts = Directory.GetFiles(RepoPaths.Rules, "*.csx").Select(p => Path.GetFileNameWithoutExtension(p));
        var fixtures = RuleFixtureRunner.LoadCases(RepoPaths.Rules).Select(c => Path.GetFileName(c.File).Replace(".tests.json", "")).ToHashSet();
        Assert.That(scripts, Is.SubsetOf(fixtures));
    }
}
