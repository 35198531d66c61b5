namespace OrderStatusFlow.Core.Domain;

/// <summary>The <c>sync_events.outcome</c> values (stored lower-case, <c>would_update</c> with an underscore).</summary>
public enum SyncOutcome
{
    Updated,
    Unchanged,
    Skipped,
    Failed,
    WouldUpdate,
}

public static class SyncOutcomeText
{
    public static string ToText(this SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Updated => "updated",
        SyncOutcome.Unchanged => "unchanged",
        SyncOutcome.Skipped => "skipped",
        SyncOutcome.Failed => "failed",
        SyncOutcome.WouldUpdate => "would_update",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
