using OrderStatusFlow.Emulators.ServiceNow;

namespace OrderStatusFlow.Bench.Data;

/// <summary>
/// The ServiceNow half of the bench data set: POs <c>BN{i:D7}</c> (i = 1..count), all connector POs
/// (<c>u_tds_cpo_id</c> = <c>9{i:D8}</c>), status <c>ordered</c>, 3 lines each (line l: <c>u_tds_line_number</c> l,
/// <c>part_number</c> <c>SKU-{i}-{l}</c>, <c>ordered_quantity</c> l + 1). Deterministic.
/// </summary>
static class ServiceNowBenchData
{
    public static ServiceNowScenario Generate(int count, int latencyMs = 0, int batchItemLatencyMs = 0, int maxConcurrent = 0)
    {
        var pos = new List<Dictionary<string, string>>(count);
        var lines = new List<Dictionary<string, string>>(count * 3);
        for (var i = 1; i <= count; i++)
        {
            var poSysId = "bp" + i.ToString("D30");
            pos.Add(ScenarioData.Po(poSysId, $"BN{i:D7}", "ordered", $"9{i:D8}"));
            for (var l = 1; l <= 3; l++)
                lines.Add(ScenarioData.Line("bl" + i.ToString("D27") + l.ToString("D3"), poSysId, l.ToString(), $"SKU-{i}-{l}", (l + 1).ToString()));
        }
        return new ServiceNowScenario
        {
            Tables = new(StringComparer.Ordinal) { ["proc_po"] = pos, ["proc_po_item"] = lines },
            LatencyMs = latencyMs,
            BatchItemLatencyMs = batchItemLatencyMs,
            MaxConcurrent = maxConcurrent,
        };
    }
}
