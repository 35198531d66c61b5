using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// The <c>source</c> section: which ServiceNow tables and query to read, and the field names and values the engine
/// uses to decide whether a PO is eligible (contract §4). Defaults are the contract's default schema.
/// </summary>
public sealed class SourceDefinition
{
    /// <summary>The PO table. Default <c>proc_po</c>.</summary>
    public string Table { get; init; } = "proc_po";

    /// <summary>The PO line table. Default <c>proc_po_item</c>.</summary>
    public string LineTable { get; init; } = "proc_po_item";

    /// <summary>The encoded query of open connector POs; the engine checks eligibility itself whatever this says.</summary>
    public string Query { get; init; } = "u_tds_cpo_idISNOTEMPTY^statusNOT INreceived,canceled^u_tds_order_statusNOT INTDS Invoiced,TDS Cancelled";

    /// <summary>Records per page. Default 200.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>Set when the PO was submitted through the connector; empty means never touch it. Default <c>u_tds_cpo_id</c>.</summary>
    public string CpoIdField { get; init; } = "u_tds_cpo_id";

    /// <summary>The out-of-box PO status field. Default <c>status</c>.</summary>
    public string StatusField { get; init; } = "status";

    /// <summary>Values of <see cref="StatusField"/> meaning completed (compared case-insensitively). Default received, canceled.</summary>
    public IReadOnlyList<string> CompletedStatuses { get; init; } = ["received", "canceled"];

    /// <summary>The TD SYNNEX status field of the PO. Default <c>u_tds_order_status</c>.</summary>
    public string OrderStatusField { get; init; } = "u_tds_order_status";

    /// <summary>Values of <see cref="OrderStatusField"/> that are terminal. Default TDS Invoiced, TDS Cancelled.</summary>
    public IReadOnlyList<string> TerminalStatuses { get; init; } = ["TDS Invoiced", "TDS Cancelled"];

    /// <summary>The line field holding the TD SYNNEX line number (labels lines in the activity log). Default <c>u_tds_line_number</c>.</summary>
    public string LineNumberField { get; init; } = "u_tds_line_number";

    /// <summary>The section as written (with line info), for source factories that read more keys.</summary>
    public JObject Raw { get; init; } = new();

    /// <summary>The keys the engine understands in <c>source</c>.</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
    [
        "table", "lineTable", "query", "pageSize", "fields", "lineFields", "cpoIdField", "statusField",
        "completedStatuses", "orderStatusField", "terminalStatuses", "lineNumberField",
    ];
}
