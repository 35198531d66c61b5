using Newtonsoft.Json.Linq;
using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>What a stage factory may use to validate and build its stage.</summary>
public sealed class StageContext
{
    public required PipelineDefinition Definition { get; init; }

    public required StageDefinition Stage { get; init; }

    /// <summary>The rules folder (<c>--rules</c>).</summary>
    public string RulesFolder { get; init; } = "rules";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;

    /// <summary>True with <c>--dry-run</c>: the writer is never called, but a factory may still want to know.</summary>
    public bool DryRun { get; init; }

    /// <summary>The <c>connections.{name}</c> section, or null when absent. Tokens keep their line info.</summary>
    public JObject? Connection(string name) => Definition.Connections.TryGetValue(name, out var section) ? section : null;

    /// <summary>
    /// False for <c>lint</c>: a connection's shape and types are checked but not whether the environment supplies URLs
    /// and credentials (that is <c>run</c>'s and <c>doctor</c>'s job), so rules can be linted on any machine.
    /// </summary>
    public bool CheckConnectionValues { get; init; } = true;

    public IReadOnlyDictionary<string, string> Settings => Definition.Settings;
}
