using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>One compiled, immutable version of the rule scripts.</summary>
/// <remarks>
/// Failure contract: throws <see cref="SyncException"/> with <see cref="FailureKind.Rule"/> when a rule throws or exceeds
/// its budget; the message names the rule file and line. The caller fails that PO only. Safe to call concurrently.
/// </remarks>
public interface IRuleSet
{
    /// <summary>A content hash of the rule files: stored as <c>rules_version</c> on every event.</summary>
    string Version { get; }

    RuleOutcome Evaluate(RuleContext context);
}

/// <summary>What a rule set sees for one PO.</summary>
public sealed record RuleContext(PurchaseOrder Po, OrderStatus Status, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The time of the evaluation (the pipeline's clock), for rules that schedule the next check.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;
}
