using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>
/// <c>osf lint</c> as a process refuses what a rules load refuses (compile errors, failing fixtures, settings the rules
/// do not accept), each with its location, and passes the shipped set.
/// </summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class LintTests : FixtureBase
{
    [Test]
    public async Task Lint_ShippedSet_CleanAndSaysTheRulesWouldLoad()
    {
        var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint");

        Assert.That(exitCode, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("pass their fixtures and accept the pipeline's settings"));
    }

    [Test]
    public async Task Lint_SettingValueTheRulesRefuse_ReportedAtItsLineAndColumnWithTheAcceptedValues()
    {
        var (pipeline, rules) = CopyShippedSet();
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("\"partialShipments\": \"status\"", "\"partialShipments\": \"bogus\""));
        var line = Array.FindIndex(File.ReadAllLines(pipeline), l => l.Contains("\"bogus\"")) + 1;
        var column = File.ReadAllLines(pipeline)[line - 1].IndexOf("\"bogus\"", StringComparison.Ordinal) + 1;

        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint", "--pipeline", pipeline, "--rules", rules);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain($"{pipeline}:{line}:{column}: settings.partialShipments is 'bogus'; the rules accept: status, note"));
    }

    [Test]
    public async Task Lint_RuleThatDoesNotCompile_ReportedAtItsFileLineAndColumn()
    {
        var (pipeline, rules) = CopyShippedSet();
        File.WriteAllText(Path.Combine(rules, "50-broken.csx"), "// a rule with a typo\nSet(\"u_x\", undefinedThing);\n");

        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint", "--pipeline", pipeline, "--rules", rules);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("50-broken.csx(2,12): error CS0103"));
    }

    [Test]
    public async Task Lint_FailingFixture_ReportedWithItsFileAndCaseName()
    {
        var (pipeline, rules) = CopyShippedSet();
        var fixture = Path.Combine(rules, "40-invoices.tests.json");
        File.WriteAllText(fixture, File.ReadAllText(fixture).Replace("dated 2026-03-09\"", "dated 2026-03-10\""));

        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint", "--pipeline", pipeline, "--rules", rules);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("40-invoices.tests.json(").And.Contain("an invoice already in the notes is not written again"));
    }

    (string Pipeline, string Rules) CopyShippedSet()
    {
        var folder = NewTempDirectory();
        var rules = Path.Combine(folder, "rules");
        Directory.CreateDirectory(rules);
        foreach (var file in Directory.GetFiles(RepoPaths.Rules))
            File.Copy(file, Path.Combine(rules, Path.GetFileName(file)));
        var pipeline = Path.Combine(folder, "order-status.json");
        File.Copy(Path.Combine(RepoPaths.Pipelines, "order-status.json"), pipeline);
        return (pipeline, rules);
    }
}
