using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>Compares the writes a rule set produced for a fixture case with what the case expects.</summary>
internal static class FixtureComparer
{
    public static IReadOnlyList<string> Compare(RuleFixtureCase fixture, PurchaseOrder po, RuleOutcome outcome)
    {
        var differences = new List<string>();
        var expect = fixture.Expect;
        var skipped = outcome.SkipReason is not null;
        CompareSkip(expect, outcome.SkipReason, differences);
        CompareNextCheck(fixture, outcome.NextCheckAt, differences);

        // A skipped PO writes nothing, whatever the rules set before skipping.
        var update = skipped ? new StatusUpdate(po.SysId, po.Number, new Dictionary<string, string>(), []) : ChangeDetector.Diff(po, outcome);
        CompareFields("po", expect.Po, update.PoFields, expect.Exact, differences);

        var lineWrites = update.Lines.ToDictionary(l => l.SysId, l => l.Fields, StringComparer.Ordinal);
        foreach (var (sysId, fields) in expect.Lines)
        {
            if (po.Lines.All(l => l.SysId != sysId))
                differences.Add($"lines[{sysId}]: no such line in the case's po.lines");
            CompareFields($"lines[{sysId}]", fields, lineWrites.GetValueOrDefault(sysId) ?? new Dictionary<string, string>(), expect.Exact, differences);
        }
        if (expect.Exact)
            foreach (var (sysId, fields) in lineWrites.Where(l => !expect.Lines.ContainsKey(l.Key)))
                foreach (var (field, value) in fields)
                    differences.Add($"lines[{sysId}].{field}: expected (not written), actual {RuleFixtureRunner.Quote(value)}");
        return differences;
    }

    static void CompareNextCheck(RuleFixtureCase fixture, DateTimeOffset? nextCheckAt, List<string> differences)
    {
        if (fixture.Expect.CheckAgainIn is not { } text)
            return;
        var actual = nextCheckAt is { } at ? (at - fixture.Now).ToString("c", System.Globalization.CultureInfo.InvariantCulture) : "none";
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            if (nextCheckAt is not null)
                differences.Add($"checkAgainIn: expected none, actual {actual}");
            return;
        }
        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var expected))
        {
            differences.Add($"checkAgainIn: {RuleFixtureRunner.Quote(text)} is not a time span; write e.g. \"00:10:00\" or \"1.00:00:00\", or \"none\"");
            return;
        }
        if (nextCheckAt is null || nextCheckAt.Value - fixture.Now != expected)
            differences.Add($"checkAgainIn: expected {expected.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}, actual {actual}");
    }

    static void CompareSkip(FixtureExpectation expect, string? reason, List<string> differences)
    {
        switch (expect.Skip?.Type)
        {
            case null or Newtonsoft.Json.Linq.JTokenType.Null:
                if (reason is not null && expect.Exact)
                    differences.Add($"skip: expected not skipped, actual skipped ({reason})");
                break;
            case Newtonsoft.Json.Linq.JTokenType.Boolean:
                if ((bool)expect.Skip! != (reason is not null))
                    differences.Add($"skip: expected {((bool)expect.Skip! ? "skipped" : "not skipped")}, actual {(reason is null ? "not skipped" : $"skipped ({reason})")}");
                break;
            default:
                var text = expect.Skip!.ToString();
                if (reason is null || !reason.Contains(text, StringComparison.Ordinal))
                    differences.Add($"skip: expected skipped with {RuleFixtureRunner.Quote(text)}, actual {(reason is null ? "not skipped" : RuleFixtureRunner.Quote(reason))}");
                break;
        }
    }

    static void CompareFields(string where, IReadOnlyDictionary<string, string?> expected, IReadOnlyDictionary<string, string> actual,
        bool exact, List<string> differences)
    {
        foreach (var (field, value) in expected)
        {
            var written = actual.TryGetValue(field, out var v) ? v : null;
            if (!string.Equals(Normalize(value), Normalize(written), StringComparison.Ordinal))
                differences.Add($"{where}.{field}: expected {RuleFixtureRunner.Quote(value)}, actual {RuleFixtureRunner.Quote(written)}");
        }
        if (exact)
            foreach (var (field, value) in actual.Where(a => !expected.ContainsKey(a.Key)))
                differences.Add($"{where}.{field}: expected (not written), actual {RuleFixtureRunner.Quote(value)}");
    }

    static string? Normalize(string? value) => value?.ReplaceLineEndings("\n");
}
