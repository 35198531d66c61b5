using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Commands;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>Every section of the shipped pipeline file, given a value of the wrong type, is reported where it is.</summary>
public sealed class PipelineFileBindingTests
{
    static readonly string Shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "pipelines", "order-status.json"));

    static IReadOnlyList<PipelineProblem> Problems(string json) =>
        new PipelineDefinitionLoader(StageTypes.CreateRegistry(() => null, Serilog.Core.Logger.None), _ => null, checkConnectionValues: false)
            .TryParse(json, "p.json", RepoPaths.Rules).Problems;

    static string Replace(string from, string to)
    {
        Assert.That(Shipped, Does.Contain(from), "the shipped file changed; update the test");
        return Shipped.Replace(from, to, StringComparison.Ordinal);
    }

    static int LineOf(string json, string text) => json[..json.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [TestCase("\"pageSize\": 200", "\"pageSize\": \"200\"", "stages[0] (servicenow.open-orders)", "args.pageSize must be a whole number")]
    [TestCase("\"pageSize\": 200", "\"pageSize\": 200, \"fields\": \"sys_id,number\"", "stages[0] (servicenow.open-orders)", "args.fields must be an array of strings")]
    [TestCase("\"requestsPerSecond\": 0", "\"requestsPerSecond\": \"none\"", "stages[1] (tdsynnex.status)", "args.requestsPerSecond must be a number")]
    [TestCase("\"clientSecret\": \"${OSF_SERVICENOW_CLIENT_SECRET}\"", "\"clientSecret\": \"x\", \"maxAttempts\": \"lots\"", "connections.servicenow.maxAttempts", "must be a whole number")]
    [TestCase("\"customer\": \"${OSF_TDSYNNEX_CUSTOMER}\"", "\"customer\": 42", "connections.tdsynnex.customer", "must be a string")]
    [TestCase("\"path\": \"data/activity.db\"", "\"path\": \"data/activity.db\", \"recordUnchanged\": \"yes\"", "activityLog.recordUnchanged", "must be true or false")]
    [TestCase("\"path\": \"data/activity.db\"", "\"path\": \"data/activity.db\", \"retention\": 90", "activityLog.retention", "must be a time span")]
    [TestCase("\"notFoundGraceCycles\": 3", "\"notFoundGraceCycles\": [3]", "settings.notFoundGraceCycles", "must be a string, number or boolean")]
    [TestCase("\"enabled\": true", "\"enabled\": \"true\"", "enabled", "must be true or false")]
    [TestCase("\"name\": \"order-status\"", "\"name\": 1", "name", "must be a string, not 1")]
    [TestCase("\"interval\": \"00:05:00\"", "\"interval\": 300", "interval", "must be a time span")]
    [TestCase("\"interval\": \"00:05:00\"", "\"interval\": \"2.00:00:00\"", "interval", "between 00:00:01 and 1.00:00:00")]
    [TestCase("\"parallelism\": 8, \"boundedCapacity\": 64", "\"parallelism\": \"8\", \"boundedCapacity\": 64", "stages[1] (tdsynnex.status)", "parallelism must be a whole number (without quotes), not \"8\"")]
    [TestCase("\"parallelism\": 8, \"boundedCapacity\": 64", "\"parallelism\": 8, \"boundedCapacity\": 4", "stages[1] (tdsynnex.status)", "boundedCapacity (4) must be at least parallelism (8)")]
    [TestCase("\"flushAfter\": \"00:00:02\"", "\"flushAfter\": 2", "stages[3] (servicenow.batch-update)", "flushAfter must be a time span")]
    [TestCase("{ \"type\": \"rules.evaluate\", \"parallelism\": 2 }", "{ \"type\": \"rules.evaluate\", \"parallelism\": 2, \"args\": [] }", "stages[2] (rules.evaluate)", "args must be an object { ... }, not an array")]
    [TestCase("{ \"type\": \"rules.evaluate\", \"parallelism\": 2 }", "{ \"type\": \"rules.evaluate\", \"parallelism\": 2, \"batchSize\": 5 }", "stages[2] (rules.evaluate)", "batchSize does not apply to a rules stage")]
    [TestCase("{ \"type\": \"rules.evaluate\", \"parallelism\": 2 }", "{ \"type\": \"rules.evaluate\", \"parallelism\": 2, \"args\": { \"watchdogLimit\": \"00:01:00\" } }", "stages[2] (rules.evaluate)", "args.watchdogLimit must be between 00:00:02 and 00:00:25 (default 00:00:20)")]
    [TestCase("\"activityLog\": { \"path\": \"data/activity.db\" }", "\"activityLog\": \"data/activity.db\"", "activityLog", "must be an object { ... }")]
    public void WrongType_InEachSection_ReportedWithPathAndLine(string from, string to, string path, string message)
    {
        var json = Replace(from, to);

        var problem = Problems(json).Single();

        Assert.That((problem.Path, problem.File), Is.EqualTo((path, "p.json")));
        Assert.That(problem.Message, Does.Contain(message));
        Assert.That(problem.Line, Is.EqualTo(LineOf(json, to)));
    }

    [Test]
    public void UnknownKey_InConnectionAndArgs_SuggestsTheNearest()
    {
        var json = Replace("\"requestsPerSecond\": 0", "\"requestsPerSecnd\": 0").Replace("\"customer\":", "\"custmer\":", StringComparison.Ordinal);

        var problems = Problems(json);

        Assert.That(problems.Select(p => p.Message), Has.Some.Contains("args.requestsPerSecnd is not recognised (did you mean 'requestsPerSecond'?)"));
        Assert.That(problems.Select(p => (p.Path, p.Message)), Has.Some.Matches<(string Path, string Message)>(
            p => p.Path == "connections.tdsynnex.custmer" && p.Message.Contains("did you mean 'customer'?", StringComparison.Ordinal)));
    }

    [Test]
    public void OldTopLevelSourceSection_EachKeyToldWhereToMove()
    {
        var json = Replace("\"stages\": [", "\"source\": { \"table\": \"proc_po\", \"pageSize\": 100 },\n  \"stages\": [");

        var problems = Problems(json);

        Assert.That(problems.Select(p => p.Path), Is.EquivalentTo(new[] { "source.table", "source.pageSize" }));
        Assert.That(problems.Select(p => p.Message), Has.All.Contains("servicenow.open-orders").And.Some.Contains("as args.pageSize"));
    }

    [Test]
    public void SourceArgs_CrossFieldCheck_LineNumberFieldMustBeRead()
    {
        var json = Replace("\"pageSize\": 200", "\"pageSize\": 200, \"lineFields\": [\"sys_id\", \"purchase_order\"]");

        var problem = Problems(json).Single();

        Assert.That(problem.Message, Does.Contain("args.lineFields must include the line number field \"u_tds_line_number\""));
    }
}
