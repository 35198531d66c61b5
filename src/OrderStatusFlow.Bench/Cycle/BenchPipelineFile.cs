using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The shipped pipeline file as the bench runs it: same source and stages, connections replaced by the bench
/// emulators' literal URLs and credentials, a temp activity log, and the stage overrides the settings ask for.
/// </summary>
static class BenchPipelineFile
{
    public static string Write(BenchSettings settings, Uri serviceNow, Uri tdSynnex, string folder)
    {
        if (!File.Exists(settings.PipelinePath))
            throw new FileNotFoundException($"The pipeline file '{Path.GetFullPath(settings.PipelinePath)}' does not exist; run the bench from the repository root (./run.sh bench) or pass --pipeline.");
        var pipeline = JObject.Parse(File.ReadAllText(settings.PipelinePath), new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        // The generated data sets use the scenario classes' default credentials.
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
        if (settings.PageSize is { } pageSize)
            Args(Stage(pipeline, "servicenow.open-orders"))["pageSize"] = pageSize;
        if (settings.StatusParallelism is { } statusParallelism)
            Stage(pipeline, "tdsynnex.status")["parallelism"] = statusParallelism;
        if (settings.WriteParallelism is { } writeParallelism)
            Stage(pipeline, "servicenow.batch-update")["parallelism"] = writeParallelism;
        if (settings.BatchSize is { } batchSize)
            Stage(pipeline, "servicenow.batch-update")["batchSize"] = batchSize;
        var path = Path.Combine(folder, "pipeline.json");
        File.WriteAllText(path, pipeline.ToString());
        return path;
    }

    static JObject Stage(JObject pipeline, string type) =>
        pipeline["stages"]?.OfType<JObject>().FirstOrDefault(s => (string?)s["type"] == type)
        ?? throw new InvalidDataException($"The pipeline file has no '{type}' stage to apply the bench override to.");

    static JObject Args(JObject stage)
    {
        if (stage["args"] is not JObject args)
            stage["args"] = args = new JObject();
        return args;
    }

    static string Trim(Uri url) => url.ToString().TrimEnd('/');
}
