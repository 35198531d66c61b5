using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// A registry of fake stages (<c>fake.source</c>, <c>fake.status</c>, <c>fake.rules</c>, <c>fake.writer</c>) handing
/// out the given seams, and pipeline JSON that uses them.
/// </summary>
public sealed class FakeStages
{
    public FakeStages(IOrderSource source, IStatusProvider status, IRuleSetProvider rules, IRecordWriter writer)
    {
        Source = new FakeStageFactory("fake.source", StageRole.Source, _ => source, "reads the in-memory POs");
        Status = new FakeStageFactory("fake.status", StageRole.Status, _ => status, "answers scripted statuses");
        Rules = new FakeStageFactory("fake.rules", StageRole.Rules, _ => rules, "hands out a fixed rule set");
        Writer = new FakeStageFactory("fake.writer", StageRole.Writer, _ => writer, "collects the batches");
        Registry = new StageRegistry().Register(Source).Register(Status).Register(Rules).Register(Writer);
    }

    public FakeStageFactory Source { get; }
    public FakeStageFactory Status { get; }
    public FakeStageFactory Rules { get; }
    public FakeStageFactory Writer { get; }
    public StageRegistry Registry { get; }

    /// <summary>A valid pipeline file using the fake stages.</summary>
    public static string PipelineJson(
        string name = "test",
        bool enabled = true,
        string interval = "00:00:05",
        int parallelism = 4,
        int boundedCapacity = 8,
        int batchSize = 10,
        string flushAfter = "00:00:02",
        string settings = "{}") => $$"""
        {
          // a test pipeline
          "name": "{{name}}",
          "enabled": {{(enabled ? "true" : "false")}},
          "interval": "{{interval}}",
          "connections": { "fake": { "url": "http://localhost" } },
          "stages": [
            { "type": "fake.source" },
            { "type": "fake.status", "parallelism": {{parallelism}}, "boundedCapacity": {{boundedCapacity}} },
            { "type": "fake.rules", "parallelism": 2, "boundedCapacity": {{boundedCapacity}} },
            { "type": "fake.writer", "batchSize": {{batchSize}}, "flushAfter": "{{flushAfter}}", "args": {} }
          ],
          "settings": {{settings}},
          "activityLog": { "path": "data/activity.db" }
        }
        """;
}
