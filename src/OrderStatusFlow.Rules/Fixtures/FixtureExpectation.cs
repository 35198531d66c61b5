using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Rules.Fixtures;

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

    /// <summary>
    /// When set, the next check the rules asked for, as a time span after the case's <c>now</c> (<c>"00:10:00"</c>);
    /// <c>"none"</c>: no rule asked.
    /// </summary>
    [JsonProperty("checkAgainIn")]
    public string? CheckAgainIn { get; set; }

    [JsonProperty("exact")]
    public bool Exact { get; set; }

    /// <summary>When set, the rules must fail this PO with a message containing this text.</summary>
    [JsonProperty("error")]
    public string? Error { get; set; }
}
