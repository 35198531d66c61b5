using System.Globalization;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Week.Http;

/// <summary>
/// The shipped pipeline file as <c>bench week --transport http</c> runs it: the same stages and settings, the
/// connections pointed at the bench's emulators (literal URLs and the scenarios' credentials), the week's interval
/// and, for the cadence run, a <c>schedule</c> section with the budget.
/// </summary>
internal static class WeekPipelineFile
{
    public static string Rewrite(string pipelinePath, Uri serviceNow, Uri tdSynnex, TimeSpan interval, int maxRequestsPerHour, string folder)
    {
        if (!File.Exists(pipelinePath))
            throw new FileNotFoundException($"The pipeline file '{Path.GetFullPath(pipelinePath)}' does not exist; run the bench from the repository root (./run.sh bench week) or pass --pipeline.");
        var pipeline = JObject.Parse(File.ReadAllText(pipelinePath), new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        var sn = new ServiceNowScenario();
        var tds = new TdSynnexScenario();
        pipeline["connections"] = new JObject
        {
            ["servicenow"] = new JObject { ["url"] = Trim(serviceNow), ["user"] = sn.User, ["password"] = sn.Password },
            ["tdsynnex"] = new JObject
            {
                ["url"] = Trim(tdSynnex), ["invoiceUrl"] = Trim(tdSynnex), ["user"] = tds.User, ["password"] = tds.Password, ["customer"] = tds.Customer,
            },
        };
        pipeline["enabled"] = true;
        pipeline["interval"] = interval.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        pipeline["activityLog"] = new JObject { ["path"] = Path.Combine(folder, "activity.db") }; // never opened: the week's log is in memory
        if (maxRequestsPerHour > 0)
            pipeline["schedule"] = new JObject { ["maxRequestsPerHour"] = maxRequestsPerHour };
        else
            pipeline.Remove("schedule");
        var path = Path.Combine(folder, "pipeline.json");
        File.WriteAllText(path, pipeline.ToString());
        return path;
    }

    static string Trim(Uri url) => url.ToString().TrimEnd('/');
}
