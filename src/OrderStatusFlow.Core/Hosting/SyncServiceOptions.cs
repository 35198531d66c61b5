using Serilog;

namespace OrderStatusFlow.Core.Hosting;

/// <summary>How the long-lived <see cref="SyncService"/> runs.</summary>
public sealed class SyncServiceOptions
{
    /// <summary>The pipeline file (<c>--pipeline</c>). Default <c>pipelines/order-status.json</c>.</summary>
    public string PipelinePath { get; init; } = "pipelines/order-status.json";

    /// <summary>The rules folder (<c>--rules</c>), handed to the stage factories. Default <c>rules</c>.</summary>
    public string RulesFolder { get; init; } = "rules";

    /// <summary><c>--dry-run</c>: compute and log every write, send none.</summary>
    public bool DryRun { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;

    /// <summary>Environment lookup for <c>${VAR}</c> in the pipeline file; default the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Wait after a change of the pipeline file before reading it, so a half-saved file is not read. Default 500 ms.</summary>
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Watch the pipeline file to reload it early (it is also re-read before every cycle). Default true.</summary>
    public bool WatchFile { get; init; } = true;

    /// <summary>After a stop request, how long in-flight POs may keep calling remote systems. Default 20 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The per-PO schedule (next check times, stored answers); null: every open PO is checked every cycle. It outlives
    /// pipeline reloads.
    /// </summary>
    public Seams.ICheckSchedule? Schedule { get; init; }
}
