using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// One PO travelling through one cycle. Each stage fills in its part; once <see cref="Outcome"/> is set the later
/// stages pass the item on untouched, so every PO reaches the activity log exactly once.
/// </summary>
public sealed class OrderWorkItem
{
    public OrderWorkItem(PurchaseOrder po) => Po = po;

    public PurchaseOrder Po { get; }

    /// <summary>The interpreted TD SYNNEX status; null when TD SYNNEX was not asked or not reached.</summary>
    public OrderStatus? Status { get; internal set; }

    /// <summary>Set once the item is decided (failed, skipped, unchanged) or written.</summary>
    public SyncOutcome? Outcome { get; internal set; }

    /// <summary>The minimal write the rules produced; null before the rules ran or when they skipped.</summary>
    public StatusUpdate? Update { get; internal set; }

    /// <summary>The activity-log error text: <c>kind: what went wrong and what to do</c>.</summary>
    public string? Error { get; internal set; }

    /// <summary>Context that is not an error: why the PO was skipped, the notFound streak.</summary>
    public string? Detail { get; internal set; }

    /// <summary>The version of the rule set that evaluated this PO.</summary>
    public string? RulesVersion { get; internal set; }

    /// <summary>True when <see cref="Status"/> is the stored last answer (a rule change re-evaluated the PO; TD SYNNEX was not asked).</summary>
    public bool FromStoredAnswer { get; internal set; }

    /// <summary>When the rules asked TD SYNNEX to be asked next; null when no rule said.</summary>
    public DateTimeOffset? NextCheckAt { get; internal set; }

    public TimeSpan StatusDuration { get; internal set; }

    public TimeSpan RulesDuration { get; internal set; }

    /// <summary>The write call's duration, on the first item of its batch only (zero on the others).</summary>
    public TimeSpan WriteDuration { get; internal set; }

    public bool IsDecided => Outcome is not null;

    /// <summary>Undecided with a non-empty update: the writer stage has work for it.</summary>
    public bool NeedsWrite => Outcome is null && Update is { IsEmpty: false };

    internal void Fail(FailureKind kind, string message)
    {
        Outcome = SyncOutcome.Failed;
        Error = new SyncException(kind, message).ToActivityError();
    }

    internal void Fail(SyncException exception)
    {
        Outcome = SyncOutcome.Failed;
        Error = exception.ToActivityError();
    }

    internal void Skip(string detail)
    {
        Outcome = SyncOutcome.Skipped;
        Detail = detail;
    }

    public override string ToString() => $"{Po.Number} {Outcome?.ToText() ?? "pending"}";
}
