using OrderStatusFlow.Rules.Fixtures;
using OrderStatusFlow.Rules.Tests.Support;

namespace OrderStatusFlow.Rules.Tests.Fixtures;

public sealed class RuleFixtureRunnerTests
{
    const string Rule = "Set(\"u_tds_order_status\", \"TDS Shipped\");\nforeach (var line in Po.Lines) line.Set(\"u_x\", line.SysId);\n";

    [Test]
    public void RunDirectory_WrongExpectation_ReportsFieldExpectedAndActual()
    {
        using var rules = new TempRules().With("10-a.csx", Rule).With("10-a.tests.json", """
            [
              { "name": "good", "po": { "fields": { "u_tds_order_status": "" }, "lines": [ { "sys_id": "l1", "fields": {} } ] },
                "tds": { "state": "Shipped" }, "expect": { "po": { "u_tds_order_status": "TDS Shipped" }, "lines": { "l1": { "u_x": "l1" } } } },
              { "name": "bad", "po": { "fields": { "u_tds_order_status": "" }, "lines": [ { "sys_id": "l1", "fields": {} } ] },
                "tds": { "state": "Shipped" }, "expect": { "po": { "u_tds_order_status": "TDS Invoiced", "other": null }, "lines": { "l1": { "u_x": "zz" } } } }
            ]
            """);

        var report = RuleFixtureRunner.RunDirectory(rules.Root);

        Assert.That(report.Passed, Is.EqualTo(1));
        Assert.That(report.Failed, Is.EqualTo(1));
        var failure = report.Results.Single(r => !r.Passed);
        Assert.That(failure.Differences, Is.EqualTo(new[]
        {
            "po.u_tds_order_status: expected \"TDS Invoiced\", actual \"TDS Shipped\"",
            "lines[l1].u_x: expected \"zz\", actual \"l1\"",
        }));
        Assert.That(report.ToText(), Does.Contain("FAIL ").And.Contain("10-a.tests.json: bad").And.Contain("1 passed, 1 failed"));
    }

    [Test]
    public void RunDirectory_ExactCase_UnexpectedWritesAreDifferences()
    {
        using var rules = new TempRules().With("10-a.csx", Rule).With("10-a.tests.json", """
            [ { "name": "exact", "po": { "lines": [ { "sys_id": "l1" } ] }, "tds": { "state": "Shipped" },
                "expect": { "po": { "u_tds_order_status": "TDS Shipped" }, "exact": true } } ]
            """);

        var failure = RuleFixtureRunner.RunDirectory(rules.Root).Results.Single();

        Assert.That(failure.Differences, Is.EqualTo(new[] { "lines[l1].u_x: expected (not written), actual \"l1\"" }));
    }

    [Test]
    public void RunDirectory_BrokenFixtureFileOrRule_FailsWithReason()
    {
        using var rules = new TempRules().With("10-a.csx", Rule).With("10-a.tests.json", "[ { \"name\": ");
        Assert.That(RuleFixtureRunner.RunDirectory(rules.Root).Results.Single().Differences.Single(), Does.StartWith("cannot read the fixture"));

        rules.With("10-a.csx", "Set(1);");
        var compile = RuleFixtureRunner.RunDirectory(rules.Root).Results.Single();
        Assert.That(compile.Case, Is.EqualTo("compile"));
        Assert.That(compile.Differences.Single(), Does.Contain("10-a.csx(1,"));
    }
}
