namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>Builds the generated data set (used by the bench and the end-to-end tests) and its PO and line rows.</summary>
static class ScenarioData
{
    public static readonly string[] PoWriteFields = ["u_tds_order_status", "u_tracking_number", "u_ship_date", "u_vendor_notes"];

    public static readonly string[] LineWriteFields =
    [
        "u_tds_line_status", "u_tds_shipped_quantity", "u_tds_backordered_quantity", "u_tracking_number",
        "u_serial_numbers", "u_carrier", "u_ship_date", "u_tds_eta",
    ];

    public static ServiceNowScenario Bench(int count, int latencyMs, int batchItemLatencyMs, int maxConcurrent)
    {
        var pos = new List<Dictionary<string, string>>(count);
        var lines = new List<Dictionary<string, string>>(count * 3);
        for (var i = 1; i <= count; i++)
        {
            var poSysId = "bp" + i.ToString("D30");
            pos.Add(Po(poSysId, $"BN{i:D7}", "ordered", $"9{i:D8}"));
            for (var l = 1; l <= 3; l++)
                lines.Add(Line("bl" + i.ToString("D27") + l.ToString("D3"), poSysId, l.ToString(), $"SKU-{i}-{l}", (l + 1).ToString()));
        }
        return new ServiceNowScenario
        {
            Tables = new(StringComparer.Ordinal) { ["proc_po"] = pos, ["proc_po_item"] = lines },
            LatencyMs = latencyMs,
            BatchItemLatencyMs = batchItemLatencyMs,
            MaxConcurrent = maxConcurrent,
        };
    }

    public static Dictionary<string, string> Po(string sysId, string number, string status, string cpoId)
    {
        var po = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = sysId, ["number"] = number, ["status"] = status, ["u_tds_cpo_id"] = cpoId,
        };
        foreach (var field in PoWriteFields)
            po[field] = "";
        return po;
    }

    public static Dictionary<string, string> Line(string sysId, string poSysId, string lineNumber, string partNumber, string quantity)
    {
        var line = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = sysId, ["purchase_order"] = poSysId, ["u_tds_line_number"] = lineNumber,
            ["part_number"] = partNumber, ["ordered_quantity"] = quantity, ["status"] = "ordered",
        };
        foreach (var field in LineWriteFields)
            line[field] = "";
        return line;
    }
}
