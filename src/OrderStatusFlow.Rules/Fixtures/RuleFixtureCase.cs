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

    [JsonProperty("expect")]
    public FixtureExpectation Expect { get; set; } = new();

    /// <summary>Set when the case could not be read; the case then fails with this message.</summary>
    [JsonIgnore]
    public string? LoadError { get; internal set; }

    public override string ToString() => $"{File}: {Name}";
}

/// <summary>The PO of a fixture case.</summary>
public sealed class FixturePo
{
    [JsonProperty("number")]
    public string Number { get; set; } = "PO-FIXTURE";

    [JsonProperty("sys_id")]
    public string SysId { get; set; } = "po-fixture";

    [JsonProperty("fields")]
    public Dictionary<string, string> Fields { get; set; } = [];

    [JsonProperty("lines")]
    public List<FixtureLine> Lines { get; set; } = [];
}

/// <summary>A PO line of a fixture case.</summary>
public sealed class FixtureLine
{
    [JsonProperty("sys_id")]
    public string SysId { get; set; } = "";

    [JsonProperty("fields")]
    public Dictionary<string, string> Fields { get; set; } = [];
}

/// <summary>
/// What the case expects: field values written on the PO and per line (keyed by line sys_id); a null value means "must
/// not be written". Unlisted fields are unconstrained unless <see cref="Exact"/>.
/// </summary>
public sealed class FixtureExpectation
{
    [JsonProperty("po")]
    public Dictionary<string, string?> Po { get; set; } = [];

    [JsonProperty("lines")]
    public Dictionary<string, Dictionary<string, string?>> Lines { get; set; } = [];

    /// <summary><c>true</c>/<c>false</c>: whether the PO is skipped; a string: skipped with a reason containing it.</summary>
    [JsonProperty("skip")]
    public JToken? Skip { get; set; }

    [JsonProperty("exact")]
    public bool Exact { get; set; }

    /// <summary>When set, the rules must fail this PO with a message containing this text.</summary>
    [JsonProperty("error")]
    public string? Error { get; set; }
}
