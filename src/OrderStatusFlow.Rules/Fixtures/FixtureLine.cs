using Newtonsoft.Json;

namespace OrderStatusFlow.Rules.Fixtures;

/// <summary>A PO line of a fixture case.</summary>
public sealed class FixtureLine
{
    [JsonProperty("sys_id")]
    public string SysId { get; set; } = "";

    [JsonProperty("fields")]
    public Dictionary<string, string> Fields { get; set; } = [];
}
