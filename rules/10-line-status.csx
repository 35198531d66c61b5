// Line status: each line matched to TD SYNNEX gets the label of its derived state.
// Unmatched lines are left alone.
// Settings: lineStatusField (default u_tds_line_status).
var lineStatusField = Setting("lineStatusField", "u_tds_line_status");

foreach (var line in Po.Lines)
{
    if (line.Tds is not { } tds)
        continue;
    var label = tds.State switch
    {
        LineState.Cancelled => "TDS Cancelled",
        LineState.Invoiced => "TDS Invoiced",
        LineState.Shipped => "TDS Shipped",
        LineState.Partial => "TDS Partial",
        LineState.Backordered => "TDS Backordered",
        LineState.Released => "TDS Released",
        _ => "TDS Accepted",
    };
    line.Set(lineStatusField, label);
}
