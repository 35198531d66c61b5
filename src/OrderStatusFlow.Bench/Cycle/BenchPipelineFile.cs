using Newtonsoft.Json.Linq;
using OrderStatusFlow.Bench.Pipelines;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The shipped pipeline file as the bench runs it (<see cref="EmulatedPipelineFile"/>) with the stage overrides the
/// settings ask for.
/// </summary>
static class BenchPipelineFile
{
    public static string Write(BenchSettings settings, Uri serviceNow, Uri tdSynnex, string folder)
    {
        var pipeline = EmulatedPipelineFile.Load(settings.PipelinePath, "bench", serviceNow, tdSynnex, folder);
        if (settings.PageSize is { } pageSize)
            Args(Stage(pipeline, "servicenow.open-orders"))["pageSize"] = pageSize;
        if (settings.StatusParallelism is { } statusParallelism)
            Stage(pipeline, "tdsynnex.status")["parallelism"] = statusParallelism;
        if (settings.WriteParallelism is { } writeParallelism)
            Stage(pipeline, "servicenow.batch-update")["parallelism"] = writeParallelism;
        if (settings.BatchSize is { } batchSize)
            Stage(pipeline, "servicenow.batch-update")["batchSize"] = batchSize;
        return EmulatedPipelineFile.Save(pipeline, folder);
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
}
