namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>The results of every fixture case of a rules folder.</summary>
public sealed class RuleFixtureReport
{
    public RuleFixtureReport(string version, IReadOnlyList<RuleFixtureResult> results)
    {
        Version = version;
        Results = results;
    }

    /// <summary>The rules version the fixtures ran against.</summary>
    public string Version { get; }

    public IReadOnlyList<RuleFixtureResult> Results { get; }

    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => !r.Passed);

    public bool Succeeded => Failed == 0;

    /// <summary>Every failing case with its differences, then a one-line summary.</summary>
    public string ToText(bool includePassed = false)
    {
        var lines = Results.Where(r => includePassed || !r.Passed).Select(r => r.ToString()).ToList();
        lines.Add($"{Passed} passed, {Failed} failed (rules {Version})");
        return string.Join("\n", lines);
    }

    /// <summary>Failing cases as <c>file(1,1): case: difference</c> lines, for <c>rule_loads.error</c>.</summary>
    public IEnumerable<string> FailureLines() =>
        Results.Where(r => !r.Passed).Select(r => $"{r.File}(1,1): fixture '{r.Case}' failed: {string.Join("; ", r.Differences)}");
}
