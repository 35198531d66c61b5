namespace OrderStatusFlow.Core.Scheduling;

/// <summary>Which POs one cycle must check besides those that are due.</summary>
public sealed record CycleRequest
{
    /// <summary>A cycle of the long-lived service: only what is due.</summary>
    public static readonly CycleRequest Due = new();

    /// <summary><c>run --once</c>: every open PO, whatever its next check time.</summary>
    public static readonly CycleRequest All = new() { CheckAll = true };

    /// <summary>Check every open PO (still within the budget).</summary>
    public bool CheckAll { get; init; }

    /// <summary>When set, the cycle handles only these PO numbers (<c>run --once --po N</c>), checking each.</summary>
    public IReadOnlySet<string>? OnlyPoNumbers { get; init; }

    /// <summary>PO numbers an operator asked to sync now: checked this cycle whatever their next check time.</summary>
    public IReadOnlySet<string> SyncNow { get; init; } = new HashSet<string>();
}
