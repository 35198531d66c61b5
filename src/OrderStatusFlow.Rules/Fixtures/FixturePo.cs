using Newtonsoft.Json;

namespace OrderStatusFlow.Rules.Fixtures;

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
