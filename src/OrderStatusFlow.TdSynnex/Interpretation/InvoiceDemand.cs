namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// The invoice query's <see cref="InvoiceNeed"/> for one answer; for <see cref="InvoiceNeed.Fallback"/>,
/// <see cref="WaitingSince"/> is the earliest ship date of a shipped row not yet invoiced (midnight UTC of that date,
/// so never later than the shipment; null when no row carries a ship date), which starts the fallback clock of a PO
/// the provider has not asked about yet.
/// </summary>
internal readonly record struct InvoiceDemand(InvoiceNeed Need, DateTimeOffset? WaitingSince = null)
{
    public static InvoiceDemand None => new(InvoiceNeed.None);

    public static InvoiceDemand Now => new(InvoiceNeed.Now);
}
