using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>The osf command as users run it: exit codes (README, "Commands and exit codes") and messages.</summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class CliTests : FixtureBase
{
    [Test]
    public async Task Lint_ShippedPipelinesAndRules_PassWithoutConnectionVariables()
    {
        foreach (var pipeline in new[] { "pipelines/order-status.json", "pipelines/demo.json" })
        {
            var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint", "--pipeline", pipeline);

            Assert.That(exitCode, Is.EqualTo(0), $"{pipeline}\n{stdout}\n{stderr}");
            Assert.That(stdout, Does.Contain("ok:"));
        }
    }

    [Test]
    public async Task Lint_BrokenPipeline_ListsEveryProblemWithLineAndColumnAndExits1()
    {
        var folder = NewTempDirectory();
        var file = Path.Combine(folder, "broken.json");
        File.WriteAllText(file, """
            // three mistakes
            {
              "name": "broken",
              "interval": "five minutes",
              "connections": { "servicenow": { "url": "https://x.example" }, "tdsynnex": { "url": "https://y.example" } },
              "stages": [
                { "type": "servicenow.open-orders" },
                { "type": "tdsynex.status", "parallelism": 8 },
                { "type": "rules.evaluate", "parallelism": 0 },
                { "type": "servicenow.batch-update" }
              ],
              "activityLog": { "path": "data/x.db" }
            }
            """);

        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "lint", "--pipeline", file);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("broken.json:4:").And.Contain("interval"));
        Assert.That(stderr, Does.Contain("broken.json:8:").And.Contain("Did you mean 'tdsynnex.status'"));
        Assert.That(stderr, Does.Contain("broken.json:9:").And.Contain("parallelism"));
    }

    [Test]
    public async Task Run_ServiceNowUnreachable_Exits1WithOneClearLine()
    {
        var folder = NewTempDirectory();
        var file = Path.Combine(folder, "pipeline.json");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(RepoPaths.Pipelines, "order-status.json"))
            .Replace("${OSF_SERVICENOW_URL}", "http://127.0.0.1:9")
            .Replace("\"password\": \"${OSF_SERVICENOW_PASSWORD}\",", "\"password\": \"pw\", \"maxAttempts\": 2, \"retryBaseDelay\": \"00:00:00.010\",")
            .Replace("${OSF_SERVICENOW_USER}", "someone")
            .Replace("${OSF_TDSYNNEX_URL}", "http://127.0.0.1:9").Replace("${OSF_TDSYNNEX_INVOICE_URL}", "http://127.0.0.1:9")
            .Replace("${OSF_TDSYNNEX_USER}", "u").Replace("${OSF_TDSYNNEX_PASSWORD}", "p").Replace("${OSF_TDSYNNEX_CUSTOMER}", "1"));

        var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "run", "--once", "--pipeline", file, "--db", Path.Combine(folder, "a.db"));

        Assert.That(exitCode, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("could not run").And.Contain("127.0.0.1:9"));
        Assert.That(stdout + stderr, Does.Not.Contain("\"pw\"").And.Not.Contain("password=pw"));
    }

    [Test]
    public async Task UnknownOption_Exits2()
    {
        var (exitCode, _, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "run", "--frobnicate");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--frobnicate"));
    }
}
