namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>Builds scenario rows: a PO and a line with every field the connector writes present and empty.</summary>
static class ScenarioData
{
    public static readonly string[] PoWriteFields = ["u_tds_order_status", "u_tracking_number", "u_ship_date", "u_vendor_notes"];

    public static readonly string[] LineWriteFields =
    [
        "u_tds_line_status", "u_tds_shipped_quantity", "u_tds_backordered_quantity", "u_tracking_number",
        "u_serial_numbers", "u_carrier", "u_ship_date", "u_tds_eta",
    ];

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
