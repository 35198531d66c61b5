using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>How a <see cref="PipelineRunner"/> runs its cycles.</summary>
public sealed class PipelineRunOptions
{
    /// <summary>Compute and log every write (outcome <c>would_update</c>) and send none. Default false.</summary>
    public bool DryRun { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;

    /// <summary>After a stop is requested, how long in-flight POs may keep calling TD SYNNEX and ServiceNow before their
    /// calls are cancelled (they are still recorded). Default 20 seconds, so a stop finishes well within 30 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
