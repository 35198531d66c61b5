using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>
/// The <c>tdsynnex</c> section of a scenario file: credentials, latency and capacity knobs, scripted faults, and the
/// orders as timelines on the scenario clock (seconds since the emulator started).
/// </summary>
public sealed class TdSynnexScenario
{
    public string User { get; set; } = "purchasing@acme-msp.example";
    public string Password { get; set; } = "demo-password";

    /// <summary>The customer (account) number the credentials belong to; any other number gets <c>notFound</c>.</summary>
    public string Customer { get; set; } = "784512";

    /// <summary>Added to every request, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Requests processed at once; extra ones queue. 0 means no limit.</summary>
    public int MaxConcurrentRequests { get; set; }

    public List<TdSynnexOrder> Orders { get; set; } = [];

    public List<TdSynnexFault> Faults { get; set; } = [];

    /// <summary>Reads the <c>tdsynnex</c> section of a combined scenario JSON, or a bare section.</summary>
    public static TdSynnexScenario FromJson(string json)
    {
        var root = JObject.Parse(json);
        var section = root.Property("tdsynnex", StringComparison.OrdinalIgnoreCase)?.Value as JObject ?? root;
        return section.ToObject<TdSynnexScenario>(JsonSerializer.CreateDefault())
               ?? throw new InvalidDataException("The tdsynnex scenario section is empty.");
    }

    public static TdSynnexScenario Load(string path) => FromJson(File.ReadAllText(path));

    public string ToJson() => JsonConvert.SerializeObject(new { tdsynnex = this }, Formatting.Indented);

    /// <summary>
    /// The deterministic bench data set: POs <c>BN{i:D7}</c>, 3 lines each (MfgPN <c>SKU-{i}-{l}</c>, quantity l + 1),
    /// state by <c>i % 6</c>: 0 accepted, 1 released, 2 back-ordered, 3 partial (split rows), 4 shipped, 5 invoiced.
    /// </summary>
    public static TdSynnexScenario Generate(int count, int latencyMs = 0, int maxConcurrentRequests = 0) =>
        BenchScenario.Generate(count, latencyMs, maxConcurrentRequests);
}
