using System.Globalization;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Bench.Pipelines;

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
        var pipeline = EmulatedPipelineFile.Load(pipelinePath, "bench week", serviceNow, tdSynnex, folder);
        pipeline["interval"] = interval.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        if (maxRequestsPerHour > 0)
            pipeline["schedule"] = new JObject { ["maxRequestsPerHour"] = maxRequestsPerHour };
        else
            pipeline.Remove("schedule");
        return EmulatedPipelineFile.Save(pipeline, folder); // its activity log is never opened: the week's log is in memory
    }
}
