using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// Everything the ServiceNow emulator serves and how it misbehaves: the <c>servicenow</c> section of a scenario file
/// (loaded with Newtonsoft; property names match case-insensitively, so camelCase JSON works).
/// </summary>
public sealed class ServiceNowScenario
{
    /// <summary>Integration user for Basic auth and the OAuth password grant.</summary>
    public string User { get; set; } = "osf.integration";

    public string Password { get; set; } = "demo-password";

    /// <summary>The OAuth API endpoint registered for the connector; null: every token request is <c>invalid_client</c>.</summary>
    public ServiceNowOAuthClient? OAuth { get; set; }

    /// <summary>Rows per table; every value a string. Columns of a table are the union of its rows' keys.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Tables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reference columns as <c>table.field</c> → referenced table, e.g. <c>proc_po_item.purchase_order</c> → <c>proc_po</c>.</summary>
    [Newtonsoft.Json.JsonProperty(ObjectCreationHandling = Newtonsoft.Json.ObjectCreationHandling.Replace)]
    public Dictionary<string, string> References { get; set; } = new(StringComparer.Ordinal)
    {
        ["proc_po_item.purchase_order"] = "proc_po",
    };

    /// <summary>
    /// Extra fields whose writes are silently ignored (200 with the old value), as <c>table.field</c> or <c>field</c>.
    /// <c>status</c>, <c>number</c> and <c>sys_*</c> are always read-only.
    /// </summary>
    public List<string> ReadOnlyFields { get; set; } = [];

    /// <summary>Access rules that answer 403.</summary>
    public List<ServiceNowAclRule> Acl { get; set; } = [];

    public ServiceNowRateLimit? RateLimit { get; set; }

    /// <summary>Batch API: at most this many items serviced per request, the rest in <c>unserviced_requests</c>; 0 = no limit.</summary>
    public int BatchMaxItems { get; set; }

    /// <summary>Batch API: items not started within this many ms of the request go to <c>unserviced_requests</c>; 0 = no budget.</summary>
    public int BatchTimeBudgetMs { get; set; }

    /// <summary>Every URL answers the "Instance Hibernating page" HTML with 200.</summary>
    public bool Hibernating { get; set; }

    /// <summary>Omit the <c>Link</c> header on list responses (some proxies strip it).</summary>
    public bool OmitLinkHeader { get; set; }

    /// <summary>Delay added to every HTTP request, in ms.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Delay added to every batch item, in ms (items run sequentially, as on the real instance).</summary>
    public int BatchItemLatencyMs { get; set; }

    /// <summary>Requests processed at the same time; more wait their turn. 0 = unlimited.</summary>
    public int MaxConcurrent { get; set; }

    public ServiceNowFaults Faults { get; set; } = new();

    /// <summary>Reads the <c>servicenow</c> section of a scenario file's JSON text.</summary>
    public static ServiceNowScenario FromScenarioJson(string json) =>
        (JObject.Parse(json)["servicenow"] ?? throw new InvalidDataException("The scenario file has no \"servicenow\" section."))
        .ToObject<ServiceNowScenario>() ?? new ServiceNowScenario();

    /// <summary>
    /// The bench data set: POs <c>BN{i:D7}</c> (i = 1..count), all connector POs (<c>u_tds_cpo_id</c> = <c>9{i:D8}</c>),
    /// status <c>ordered</c>, 3 lines each (line l: <c>u_tds_line_number</c> l, <c>part_number</c> <c>SKU-{i}-{l}</c>,
    /// <c>ordered_quantity</c> l + 1). Deterministic.
    /// </summary>
    public static ServiceNowScenario Generate(int count, int latencyMs = 0, int batchItemLatencyMs = 0, int maxConcurrent = 0) =>
        ScenarioData.Bench(count, latencyMs, batchItemLatencyMs, maxConcurrent);

    /// <summary>A <c>proc_po</c> row as the generated data sets build it: the given fields plus the connector's write fields, empty.</summary>
    public static Dictionary<string, string> PoRow(string sysId, string number, string status, string cpoId) =>
        ScenarioData.Po(sysId, number, status, cpoId);

    /// <summary>A <c>proc_po_item</c> row as the generated data sets build it: the given fields plus the connector's write fields, empty.</summary>
    public static Dictionary<string, string> LineRow(string sysId, string poSysId, string lineNumber, string partNumber, string quantity) =>
        ScenarioData.Line(sysId, poSysId, lineNumber, partNumber, quantity);
}
