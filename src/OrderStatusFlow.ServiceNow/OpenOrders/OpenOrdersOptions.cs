using System.ComponentModel.DataAnnotations;
using OrderStatusFlow.Core.Binding;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.ServiceNow.OpenOrders;

/// <summary>
/// The <c>args</c> of <c>servicenow.open-orders</c>: which tables and query to read, which fields, and which POs are
/// eligible. The other ServiceNow stage (the writer) and the line labels read the same values from here.
/// </summary>
public sealed class OpenOrdersOptions : IValidatableObject
{
    public const string StageType = "servicenow.open-orders";

    /// <summary>The PO table. Default <c>proc_po</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Table { get; set; } = "proc_po";

    /// <summary>The PO line table. Default <c>proc_po_item</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string LineTable { get; set; } = "proc_po_item";

    /// <summary>Encoded query of the open connector POs; eligibility is checked in code whatever it returns.</summary>
    public string Query { get; set; } = "u_tds_cpo_idISNOTEMPTY^statusNOT INreceived,canceled^u_tds_order_statusNOT INTDS Invoiced,TDS Cancelled";

    /// <summary>Records per Table API page. Default 200.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 200;

    /// <summary>PO fields read. Must include sys_id and number.</summary>
    public List<string> Fields { get; set; } = [.. DefaultFields];

    /// <summary>Line fields read. Must include sys_id and purchase_order.</summary>
    public List<string> LineFields { get; set; } = [.. DefaultLineFields];

    /// <summary>The PO fields the shipped rules read (the default of <see cref="Fields"/>).</summary>
    internal static readonly string[] DefaultFields =
        ["sys_id", "number", "status", "u_tds_cpo_id", "u_tds_order_status", "u_tracking_number", "u_ship_date", "u_vendor_notes"];

    /// <summary>The line fields the shipped rules read (the default of <see cref="LineFields"/>).</summary>
    internal static readonly string[] DefaultLineFields =
    [
        "sys_id", "purchase_order", "ordered_quantity", "part_number", "u_tds_line_number", "u_tds_line_status",
        "u_tds_shipped_quantity", "u_tds_backordered_quantity", "u_tracking_number", "u_serial_numbers", "u_carrier",
        "u_ship_date", "u_tds_eta",
    ];

    /// <summary>Set when the PO was submitted through the connector; empty means never touch it. Default <c>u_tds_cpo_id</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string CpoIdField { get; set; } = "u_tds_cpo_id";

    /// <summary>The out-of-box PO status field. Default <c>status</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StatusField { get; set; } = "status";

    /// <summary>Values of the status field meaning completed (case-insensitive). Default received, canceled.</summary>
    public List<string> CompletedStatuses { get; set; } = ["received", "canceled"];

    /// <summary>The TD SYNNEX status field of the PO. Default <c>u_tds_order_status</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OrderStatusField { get; set; } = "u_tds_order_status";

    /// <summary>Values of the order status field that are terminal. Default TDS Invoiced, TDS Cancelled.</summary>
    public List<string> TerminalStatuses { get; set; } = ["TDS Invoiced", "TDS Cancelled"];

    /// <summary>The line field holding the TD SYNNEX line number (line matching, activity log labels). Default <c>u_tds_line_number</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string LineNumberField { get; set; } = "u_tds_line_number";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var required in new[] { "sys_id", "number" })
            if (!Fields.Contains(required))
                yield return new($"must include \"{required}\"", [nameof(Fields)]);
        foreach (var required in new[] { "sys_id", "purchase_order" })
            if (!LineFields.Contains(required))
                yield return new($"must include \"{required}\"", [nameof(LineFields)]);
        if (!LineFields.Contains(LineNumberField))
            yield return new($"must include the line number field \"{LineNumberField}\" (lineNumberField)", [nameof(LineFields)]);
    }

    /// <summary>The bound args of the pipeline's <c>servicenow.open-orders</c> stage (defaults when it has none).</summary>
    public static OpenOrdersOptions Of(StageContext context) =>
        context.Definition.Stages.FirstOrDefault(s => s.Type == StageType) is { } stage
            ? OptionsBinder.Bind<OpenOrdersOptions>(stage.Args, "args", (_, _, _) => { })
            : new OpenOrdersOptions();
}
