namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>The PO Status answer from <see cref="At"/> seconds on.</summary>
public sealed class TdSynnexOrderStep
{
    public double At { get; set; }

    /// <summary>Header code as sent: accepted, shipped, invoiced, deleted, rejected, notFound.</summary>
    public string Code { get; set; } = "accepted";

    public string? Reason { get; set; }

    public string? PoDatetime { get; set; }

    public List<TdSynnexRow> Rows { get; set; } = [];
}
