using System.Text;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>
/// The assembled graph as records: every block in order with its role, parallelism, capacity and batch settings.
/// Emitted by the built graph (<see cref="PipelineRunner.Describe"/>) and logged once when a definition is started;
/// tests assert on it instead of on the graph's internals.
/// </summary>
public sealed record PipelineDescriptor(string Name, bool DryRun, IReadOnlyList<BlockDescriptor> Blocks)
{
    /// <summary>The same blocks with the registered stage types' descriptions (and the dry-run note on the writer).</summary>
    public PipelineDescriptor WithDescriptions(StageRegistry registry) => this with
    {
        Blocks = [.. Blocks.Select(b => b.Type != "engine" && registry.TryGet(b.Type, out var factory)
            ? b with { Description = factory.Description + (b.Name == "write" && DryRun ? " (dry run: never called)" : "") }
            : b)],
    };

    public override string ToString()
    {
        var text = new StringBuilder($"Pipeline '{Name}'{(DryRun ? " (dry run)" : "")}:");
        foreach (var b in Blocks)
            text.AppendLine().Append("  ").Append(b);
        return text.ToString();
    }
}
