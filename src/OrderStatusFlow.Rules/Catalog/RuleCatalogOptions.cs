using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Isolation;
using OrderStatusFlow.Rules.Protection;

namespace OrderStatusFlow.Rules.Catalog;

/// <summary>Knobs of <see cref="RuleCatalog"/>; the defaults suit production.</summary>
public sealed class RuleCatalogOptions
{
    /// <summary>Quiet time after the last change before reloading, so half-written files are not compiled. Default 400 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How often the folder is also polled, in case a file-system event was missed. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Budget of each script per PO. Default <see cref="RuleBudgetLimits.Default"/>.</summary>
    public RuleBudgetLimits Budget { get; init; } = RuleBudgetLimits.Default;

    /// <summary>Fields rules may not write. Default <see cref="ProtectedFields.Default"/> (status not writable).</summary>
    public ProtectedFields ProtectedFields { get; init; } = ProtectedFields.Default;

    /// <summary>The supervised process's crash guard (see <see cref="RuleCrashGuard"/>); null when not supervised. Default null.</summary>
    public RuleCrashGuard? CrashGuard { get; init; }

    /// <summary>Run the <c>*.tests.json</c> fixtures before activating a set (a failing fixture rejects it). Default true.</summary>
    public bool RunFixtures { get; init; } = true;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
