namespace OrderStatusFlow.Bench.Rules;

/// <summary>Memory and live rule versions after a number of reloads, measured after a full GC.</summary>
/// <param name="LiveVersions">Rule versions whose load context is still alive, the current one included.</param>
sealed record RuleReloadSample(int Reloads, long ManagedBytes, long WorkingSetBytes, int LiveVersions);
