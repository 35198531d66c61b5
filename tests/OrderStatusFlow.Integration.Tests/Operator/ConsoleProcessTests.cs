using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Integration.Tests.EndToEnd;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.Operator;

/// <summary>The console as part of the <c>run</c> process: start-up refusal, a pause that survives a restart, readiness.</summary>
[TestFixture]
// Each test starts its own osf processes (and emulators) in its own folders, so they run side by side; one instance
// per test keeps FixtureBase's clean-up list per test.
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class ConsoleProcessTests : FixtureBase
{
    [Test]
    public async Task Run_NonLoopbackConsoleWithoutToken_RefusesToStart()
    {
        var harness = Using(await ConnectorHarness.StartDemoAsync(NewTempDirectory()));
        var (exitCode, _, stderr) = await RunAsync(harness, new() { ["OSF_CONSOLE_LISTEN"] = "0.0.0.0:0" });
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("not loopback").And.Contain("OSF_CONSOLE_TOKEN"));
        Assert.That(ActivityDb.Scalar(harness.DbPath, "SELECT COUNT(*) FROM sync_runs"), Is.Zero, "no cycle ran");
    }

    [Test]
    public async Task Pause_SurvivesARestart_AndResumeRunsCyclesAgain()
    {
        var harness = Using(await ConnectorHarness.StartDemoAsync(NewTempDirectory()));
        SetInterval(harness, "00:00:01");
        var env = new Dictionary<string, string> { ["OSF_CONSOLE_TOKEN"] = ConsoleUnderTest.Token };
        using (var first = OsfProcess.Start(RepoPaths.Root, env, "run", "--pipeline", harness.PipelinePath, "--db", harness.DbPath))
        {
            var url = await ConsoleUrlAsync(first);
            await Wait.UntilAsync(() => Runs(harness) >= 1, "a first cycle", OsfProcess.Deadline);
            using var http = Client(url);
            Assert.That((await http.PostAsync("/actions/pause", null)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            first.Terminate();
            Assert.That(await first.WaitForExitAsync(OsfProcess.Deadline), Is.Zero);
        }
        var before = Runs(harness);
        using var second = OsfProcess.Start(RepoPaths.Root, env, "run", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);
        try
        {
            var url = await ConsoleUrlAsync(second);
            using var http = Client(url);
            var metrics = await http.GetStringAsync("/metrics");
            Assert.That(metrics, Does.Contain("orderstatusflow_paused 1"), "paused again after the restart");
            Assert.That(await http.GetStringAsync("/"), Does.Contain("paused by api"));
            Assert.That(await ReadyWithinAsync(http, OsfProcess.Deadline), Is.EqualTo(HttpStatusCode.OK),
                "ready once the pipeline is loaded: paused is not unready");
            Assert.That(Runs(harness), Is.EqualTo(before), "the pause was applied before the first cycle of the new process");

            Assert.That((await http.PostAsync("/actions/resume", null)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            await Wait.UntilAsync(() => Runs(harness) > before, "a cycle after resume", OsfProcess.Deadline);
            var actions = ActivityDb.Scalar(harness.DbPath, "SELECT COUNT(*) FROM operator_actions WHERE who LIKE 'api (%' AND action IN ('pause', 'resume')");
            Assert.That(actions, Is.EqualTo(2), "each action is recorded with who");
        }
        finally
        {
            second.Terminate();
            await second.WaitForExitAsync(OsfProcess.Deadline);
        }
    }

    [Test]
    public async Task CheckWritable_WhileAnotherWriterHoldsTheLog_SaysWhy()
    {
        var db = Path.Combine(NewTempDirectory(), "activity.db");
        await (await SqliteActivityLog.OpenAsync(db)).DisposeAsync();
        var log = new OperatorActionLog(db);
        Assert.That(await log.CheckWritableAsync(TimeSpan.FromSeconds(1), CancellationToken.None), Is.Null);
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false");
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE; INSERT INTO rule_loads(at, rules_version, outcome) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'active');";
            await command.ExecuteNonQueryAsync();
        }
        Assert.That(await log.CheckWritableAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None), Does.Contain("is not writable"));
    }

    /// <summary>Polls /healthz/ready until 200 or the deadline; the last status.</summary>
    static async Task<HttpStatusCode> ReadyWithinAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = (await http.GetAsync("/healthz/ready")).StatusCode;
            if (status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(100);
        }
    }

    static HttpClient Client(Uri url)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ConsoleUnderTest.Token);
        return http;
    }

    static long Runs(ConnectorHarness harness) => ActivityDb.Scalar(harness.DbPath, "SELECT COUNT(*) FROM sync_runs");

    static void SetInterval(ConnectorHarness harness, string interval)
    {
        var pipeline = JObject.Parse(File.ReadAllText(harness.PipelinePath), new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        pipeline["interval"] = interval;
        File.WriteAllText(harness.PipelinePath, pipeline.ToString());
    }

    static async Task<Uri> ConsoleUrlAsync(OsfProcess osf)
    {
        Uri? url = null;
        await Wait.UntilAsync(() => osf.HasExited || (url = Match(osf.Stdout)) is not null, "the Console: line", OsfProcess.Deadline);
        return url ?? throw new AssertionException($"osf exited before printing the console address.\n{osf.Stdout}\n{osf.Stderr}");
    }

    static Uri? Match(string stdout) =>
        Regex.Match(stdout, @"^Console: (http://\S+)$", RegexOptions.Multiline) is { Success: true } m ? new Uri(m.Groups[1].Value) : null;

    static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ConnectorHarness harness, Dictionary<string, string> env)
    {
        var osf = OsfProcess.Start(RepoPaths.Root, env, "run", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);
        return WaitAsync(osf);

        static async Task<(int, string, string)> WaitAsync(OsfProcess osf)
        {
            using (osf)
            {
                var code = await osf.WaitForExitAsync(OsfProcess.Deadline);
                return (code, osf.Stdout, osf.Stderr);
            }
        }
    }
}
