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
    /// <summary>
    /// The per-PO schedule. When set, a cycle reads the open POs' headers, checks only those that are due (see
    /// <see cref="Scheduling.CyclePlanner"/>) and reads lines only for the POs it handles; when null every open PO is
    /// checked every cycle.
    /// </summary>
    public Seams.ICheckSchedule? Schedule { get; init; }

    /// <summary>The TD SYNNEX call budget shared by every cycle (<c>schedule.maxRequestsPerHour</c>); null: no limit.</summary>
    public Scheduling.RequestBudget? Budget { get; init; }

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How far before the last search each search for PO lines changed in ServiceNow starts: covers the difference
    /// between this machine's clock and the instance's and the whole seconds ServiceNow keeps. Default 2 minutes.
    /// </summary>
    public TimeSpan LineChangeMargin { get; init; } = TimeSpan.FromMinutes(2);
}
