using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Compilation;

namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>
/// Runs the <c>*.tests.json</c> fixtures next to the rule scripts against a rule set: each case is evaluated, turned into
/// the minimal write with <see cref="ChangeDetector.Diff"/>, and compared with the case's expectations.
/// </summary>
public static class RuleFixtureRunner
{
    /// <summary>Compiles <paramref name="rulesDirectory"/> and runs its fixtures; compile errors are reported as failures.</summary>
    public static RuleFixtureReport RunDirectory(string rulesDirectory, IReadOnlyDictionary<string, string>? baseSettings = null)
    {
        var compiled = RuleCompiler.CompileDirectory(rulesDirectory);
        if (compiled.RuleSet is not { } set)
            return new RuleFixtureReport(compiled.Version,
                compiled.Diagnostics.Select(d => new RuleFixtureResult(d.File, "compile", [d.ToString()])).ToList());
        try
        {
            return Run(set, rulesDirectory, baseSettings);
        }
        finally
        {
            set.Unload();
        }
    }

    /// <summary>Runs every fixture of <paramref name="rulesDirectory"/> against <paramref name="ruleSet"/>.</summary>
    /// <param name="baseSettings">Settings every case starts from (e.g. the pipeline's); a case's own settings win.</param>
    public static RuleFixtureReport Run(IRuleSet ruleSet, string rulesDirectory, IReadOnlyDictionary<string, string>? baseSettings = null) =>
        new(ruleSet.Version, LoadCases(rulesDirectory).Select(c => RunCase(ruleSet, c, baseSettings)).ToList());

    /// <summary>Every case of every <c>*.tests.json</c> in file-name order; an unreadable file yields one failing case.</summary>
    public static IReadOnlyList<RuleFixtureCase> LoadCases(string rulesDirectory)
    {
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(rulesDirectory)));
        var cases = new List<RuleFixtureCase>();
        foreach (var path in Directory.GetFiles(rulesDirectory, "*.tests.json").OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var display = $"{folderName}/{Path.GetFileName(path)}";
            try
            {
                var loaded = JsonConvert.DeserializeObject<List<RuleFixtureCase>>(File.ReadAllText(path)) ?? [];
                for (var i = 0; i < loaded.Count; i++)
                {
                    loaded[i].File = display;
                    if (string.IsNullOrWhiteSpace(loaded[i].Name))
                        loaded[i].Name = $"case {i + 1}";
                }
                cases.AddRange(loaded);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                cases.Add(new RuleFixtureCase
                {
                    File = display,
                    Name = "(file)",
                    LoadError = $"cannot read the fixture: {ex.Message} Expected a JSON list of cases {{ name, po, tds, settings, expect }}.",
                });
            }
        }
        return cases;
    }

    /// <summary>Runs one case; the result lists every difference between expected and actual writes.</summary>
    public static RuleFixtureResult RunCase(IRuleSet ruleSet, RuleFixtureCase fixture, IReadOnlyDictionary<string, string>? baseSettings = null)
    {
        if (fixture.LoadError is { } loadError)
            return new RuleFixtureResult(fixture.File, fixture.Name, [loadError]);
        OrderStatus status;
        try
        {
            status = ReadStatus(fixture.Tds);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return new RuleFixtureResult(fixture.File, fixture.Name, [$"tds: {ex.Message}"]);
        }
        var po = new PurchaseOrder(fixture.Po.SysId, fixture.Po.Number, fixture.Po.Fields,
            fixture.Po.Lines.Select(l => new PurchaseOrderLine(l.SysId, l.Fields, l.Fields.GetValueOrDefault("u_tds_line_number", ""))).ToList());
        var settings = new Dictionary<string, string>(baseSettings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in fixture.Settings)
            settings[key] = value;

        RuleOutcome outcome;
        try
        {
            outcome = ruleSet.Evaluate(new RuleContext(po, status, settings) { Now = fixture.Now });
        }
        catch (SyncException ex)
        {
            var expected = fixture.Expect.Error;
            return new RuleFixtureResult(fixture.File, fixture.Name, expected is not null && ex.Message.Contains(expected, StringComparison.Ordinal)
                ? []
                : [$"error: expected {(expected is null ? "none" : Quote(expected))}, actual {Quote(ex.Message)}"]);
        }
        if (fixture.Expect.Error is { } missing)
            return new RuleFixtureResult(fixture.File, fixture.Name, [$"error: expected {Quote(missing)}, actual none"]);
        return new RuleFixtureResult(fixture.File, fixture.Name, FixtureComparer.Compare(fixture, po, outcome));
    }

    static OrderStatus ReadStatus(JObject? tds)
    {
        if (tds is null)
            throw new ArgumentException("missing: give the interpreted status, at least { \"headerCode\": \"accepted\", \"state\": \"Accepted\" }");
        if (tds.GetValue("state", StringComparison.OrdinalIgnoreCase) is null)
            throw new ArgumentException("missing \"state\" (e.g. \"Accepted\", \"Shipped\", \"NotFound\")");
        if (tds.GetValue("lines", StringComparison.OrdinalIgnoreCase) is JArray lines)
            foreach (var line in lines.OfType<JObject>())
                if (line.GetValue("state", StringComparison.OrdinalIgnoreCase) is null)
                    throw new ArgumentException($"a line lacks \"state\": {line.ToString(Formatting.None)}");
        var copy = (JObject)tds.DeepClone();
        if (copy.GetValue("headerCode", StringComparison.OrdinalIgnoreCase) is null)
            copy["headerCode"] = copy.GetValue("state", StringComparison.OrdinalIgnoreCase)!.ToString().ToLowerInvariant();
        return copy.ToObject<OrderStatus>() ?? throw new ArgumentException("could not be read as an OrderStatus");
    }

    internal static string Quote(string? value) => value is null ? "(not written)" : JsonConvert.ToString(value);
}
