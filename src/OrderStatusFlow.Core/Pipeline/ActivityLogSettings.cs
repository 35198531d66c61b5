namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The pipeline file's <c>activityLog</c> options (besides <c>path</c>).</summary>
public sealed record ActivityLogSettings
{
    /// <summary>Shortest retention <c>activityLog.retention</c> accepts.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>activityLog.recordUnchanged</c>: also write a <c>sync_events</c> row for every unchanged PO of every cycle.
    /// Default false: unchanged POs only update their <c>po_state</c> row and the run's counters.
    /// </summary>
    public bool RecordUnchanged { get; init; }

    /// <summary>
    /// <c>activityLog.retention</c> (<c>d.hh:mm:ss</c>): runs, events and rule loads older than this are removed.
    /// Default 90 days.
    /// </summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);
}
