namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>One PO as TD SYNNEX knows it: its status over time and its invoices.</summary>
public sealed class TdSynnexOrder
{
    public string PoNumber { get; set; } = "";

    /// <summary>Status steps; the latest step whose <see cref="TdSynnexOrderStep.At"/> has passed applies. Before the first: <c>notFound</c>.</summary>
    public List<TdSynnexOrderStep> Timeline { get; set; } = [];

    public List<TdSynnexInvoice> Invoices { get; set; } = [];
}
