using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>
/// One case of a <c>rules/NN-name.tests.json</c> fixture: a PO as ServiceNow holds it, the interpreted TD SYNNEX status,
/// the settings, and the expected writes (after change detection).
/// </summary>
public sealed class RuleFixtureCase
{
    /// <summary>The fixture file the case comes from (file name only).</summary>
    [JsonIgnore]
    public string File { get; internal set; } = "";

    [JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonProperty("po")]
    public FixturePo Po { get; set; } = new();

    /// <summary>An <c>OrderStatus</c> as JSON (camelCase or PascalCase property names, enum names as strings).</summary>
    [JsonProperty("tds")]
    public JObject? Tds { get; set; }

    [JsonProperty("settings")]
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>The evaluation time the rules see as <c>Now</c> (ISO-8601); default 2026-01-05T12:00:00Z, a Monday noon.</summary>
    [JsonProperty("now")]
    public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [JsonProperty("expect")]
    public FixtureExpectation Expect { get; set; } = new();

    /// <summary>Set when the case could not be read; the case then fails with this message.</summary>
    [JsonIgnore]
    public string? LoadError { get; internal set; }

    public override string ToString() => $"{File}: {Name}";
}
