namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>The result of one fixture case; <see cref="Differences"/> holds one readable line per mismatch.</summary>
public sealed record RuleFixtureResult(string File, string Case, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;

    public override string ToString() => Passed
        ? $"PASS {File}: {Case}"
        : $"FAIL {File}: {Case}\n" + string.Join("\n", Differences.Select(d => "    " + d));
}
