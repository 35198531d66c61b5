using System.Text;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>
/// The assembled graph as records: every block in order with its role, parallelism, capacity and batch settings.
/// Logged once when a definition is started; tests assert on it instead of on the graph's internals.
/// </summary>
public sealed record PipelineDescriptor(string Name, bool DryRun, IReadOnlyList<BlockDescriptor> Blocks)
{
    public static PipelineDescriptor From(PipelineDefinition definition, StageRegistry? registry = null, bool dryRun = false)
    {
        string Describe(StageDefinition s) =>
            registry is not null && registry.TryGet(s.Type, out var f) ? f.Description : "";

        var source = definition.StageFor(StageRole.Source);
        var status = definition.StageFor(StageRole.Status);
        var rules = definition.StageFor(StageRole.Rules);
        var writer = definition.StageFor(StageRole.Writer);
        var blocks = new List<BlockDescriptor>
        {
            new("feed", source.Type, StageRole.Source, Describe(source), 1, 0, null, null),
            new("admit", "engine", StageRole.Source, "skips the POs the source marked ineligible, with its reason", 1, status.BoundedCapacity, null, null),
            new("status", status.Type, StageRole.Status, Describe(status), status.Parallelism, Math.Max(status.BoundedCapacity, status.Parallelism), null, null),
            new("rules", rules.Type, StageRole.Rules, Describe(rules), rules.Parallelism, Math.Max(rules.BoundedCapacity, rules.Parallelism), null, null),
            new("batch", "engine", StageRole.Writer, "groups updates by size or age", 1, writer.BatchSize, writer.BatchSize, writer.FlushAfter),
            new("write", writer.Type, StageRole.Writer, Describe(writer) + (dryRun ? " (dry run: never called)" : ""), writer.Parallelism, Math.Max(writer.Parallelism, writer.BoundedCapacity / writer.BatchSize), writer.BatchSize, writer.FlushAfter),
            new("activity-log", "engine", null, "records one event per PO, batched", 1, 16, null, null),
        };
        return new PipelineDescriptor(definition.Name, dryRun, blocks);
    }

    public override string ToString()
    {
        var text = new StringBuilder($"Pipeline '{Name}'{(DryRun ? " (dry run)" : "")}:");
        foreach (var b in Blocks)
            text.AppendLine().Append("  ").Append(b);
        return text.ToString();
    }
}
