using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Pipelines;

/// <summary>
/// The shipped pipeline file pointed at the bench's emulators: the same stages and settings, the connections replaced
/// by the emulators' literal URLs and the scenarios' default credentials (the generated data sets use them), enabled,
/// and the activity log in the bench's temp folder. Each bench adds its own overrides before <see cref="Save"/>.
/// </summary>
static class EmulatedPipelineFile
{
    /// <param name="pipelinePath">The pipeline file to start from (normally <c>pipelines/order-status.json</c>).</param>
    /// <param name="command">The bench command, named in the error when the file is missing.</param>
    public static JObject Load(string pipelinePath, string command, Uri serviceNow, Uri tdSynnex, string folder)
    {
        if (!File.Exists(pipelinePath))
            throw new FileNotFoundException($"The pipeline file '{Path.GetFullPath(pipelinePath)}' does not exist; run the bench from the repository root (./run.sh {command}) or pass --pipeline.");
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
        pipeline["activityLog"] = new JObject { ["path"] = Path.Combine(folder, "activity.db") };
        return pipeline;
    }

    /// <summary>Writes the file as <c>pipeline.json</c> in <paramref name="folder"/> and returns its path.</summary>
    public static string Save(JObject pipeline, string folder)
    {
        var path = Path.Combine(folder, "pipeline.json");
        File.WriteAllText(path, pipeline.ToString());
        return path;
    }

    static string Trim(Uri url) => url.ToString().TrimEnd('/');
}
