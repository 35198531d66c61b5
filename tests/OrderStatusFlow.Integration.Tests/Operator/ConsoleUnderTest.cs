using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.Integration.Tests.EndToEnd;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.Operator;

/// <summary>
/// A real <c>osf run</c> process against both emulators (the demo scenario, with one PO whose number holds markup and
/// that TD SYNNEX does not know, and one more PO TD SYNNEX does not know, so both fail every cycle), its console on a
/// free port, a token set.
/// </summary>
sealed class ConsoleUnderTest : IAsyncDisposable
{
    public const string Token = "console-test-token-0123456789";
    public const string MarkupPo = "PO0010003<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    /// <summary>A demo PO that TD SYNNEX does not know in this run, so it fails every cycle once its grace is over.</summary>
    public const string UnknownPo = "PO0010008";

    ConsoleUnderTest(ConnectorHarness harness, OsfProcess osf, Uri url)
    {
        Harness = harness;
        Osf = osf;
        Url = url;
    }

    public ConnectorHarness Harness { get; }
    public OsfProcess Osf { get; }
    public Uri Url { get; }

    public static async Task<ConsoleUnderTest> StartAsync(string folder)
    {
        var json = JObject.Parse(File.ReadAllText(ConnectorHarness.DemoScenario));
        json["servicenow"]!["tables"]!["proc_po"]![2]!["number"] = MarkupPo;
        // The demo's TD SYNNEX learns PO0010008 20 s after it starts; here it never does, so the open failures the pages
        // show (that PO and the markup PO) do not depend on how long this machine takes to reach each test.
        ((JArray)json["tdsynnex"]!["orders"]!).Where(o => (string?)o["poNumber"] == UnknownPo).ToList().ForEach(o => o.Remove());
        var text = json.ToString();
        var harness = await ConnectorHarness.StartAsync(ServiceNowScenario.FromScenarioJson(text), TdSynnexScenario.FromJson(text), folder);
        var pipeline = JObject.Parse(File.ReadAllText(harness.PipelinePath), new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        pipeline["interval"] = "00:00:02";
        pipeline["settings"]!["notFoundGraceCycles"] = 1;
        File.WriteAllText(harness.PipelinePath, pipeline.ToString());
        var osf = OsfProcess.Start(RepoPaths.Root, new Dictionary<string, string> { ["OSF_CONSOLE_TOKEN"] = Token },
            "run", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);
        Uri? url = null;
        await Wait.UntilAsync(() => osf.HasExited || (url = ConsoleUrl(osf.Stdout)) is not null, "the Console: line", OsfProcess.Deadline);
        if (url is null)
            Assert.Fail($"osf exited before printing the console address.\n{osf.Stdout}\n{osf.Stderr}");
        await Wait.UntilAsync(() => ActivityDb.Scalar(harness.DbPath, "SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NOT NULL") >= 2,
            "two finished cycles", OsfProcess.Deadline);
        return new ConsoleUnderTest(harness, osf, url!);
    }

    static Uri? ConsoleUrl(string stdout) =>
        Regex.Match(stdout, @"^Console: (http://\S+)$", RegexOptions.Multiline) is { Success: true } m ? new Uri(m.Groups[1].Value) : null;

    public async ValueTask DisposeAsync()
    {
        if (!Osf.HasExited)
        {
            Osf.Terminate();
            await Osf.WaitForExitAsync(OsfProcess.Deadline);
        }
        Osf.Dispose();
        await Harness.DisposeAsync();
    }
}
