using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Rules.Tests.Compilation;

/// <summary>
/// The compile-time half of the hostile-rule corpus (<c>tests/hostile-rules/compile</c>): each file is one way a rule
/// could hurt the process, and the real compiler must refuse it at the line marked <c>//!</c>, with the text of its
/// <c>// expect:</c> header. The run-time half runs through the real process (Integration.Tests, HostileRuleRunTests).
/// </summary>
public sealed class HostileRuleCompileCorpusTests
{
    static readonly string CorpusFolder = Path.Combine(RepoPaths.Root, "tests", "hostile-rules", "compile");

    static IEnumerable<TestCaseData> Corpus() =>
        Directory.GetFiles(CorpusFolder, "*.csx").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName($"Compile_Hostile_{Path.GetFileNameWithoutExtension(path)}_RefusedWithLocation"));

    [Test]
    public void Corpus_HasAtLeastThirtyCases() => Assert.That(Corpus().Count(), Is.GreaterThanOrEqualTo(30));

    [TestCaseSource(nameof(Corpus))]
    public void Compile_HostileRule_RefusedAtTheMarkedLineWithTheExpectedReason(string name)
    {
        var text = File.ReadAllText(Path.Combine(CorpusFolder, name));
        var lines = text.Split('\n');
        var expected = lines[0].StartsWith("// expect: ", StringComparison.Ordinal)
            ? lines[0]["// expect: ".Length..].Trim()
            : throw new AssertionException($"{name} must start with '// expect: <text of the refusal>'");
        var markedLine = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("//!", StringComparison.Ordinal)) + 1;
        Assert.That(markedLine, Is.GreaterThan(0), $"{name} must mark the refused line with //!");
        using var rules = new TempRules().With("50-hostile.csx", text);

        var result = RuleCompiler.CompileDirectory(rules.Root);

        Assert.That(result.Succeeded, Is.False, $"{name} was accepted");
        result.RuleSet?.Unload();
        var atLine = result.Diagnostics.Where(d => d.Line == markedLine).ToList();
        Assert.That(atLine, Is.Not.Empty, $"{name}: nothing reported at line {markedLine}:\n{result.ErrorText}");
        Assert.That(atLine.Select(d => d.Message), Has.Some.Contain(expected), result.ErrorText);
        Assert.That(atLine.All(d => d.File.EndsWith("/50-hostile.csx", StringComparison.Ordinal) && d.Column > 0), result.ErrorText);
    }
}
