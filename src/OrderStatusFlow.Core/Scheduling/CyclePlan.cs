using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>The POs one cycle handles, in order: those TD SYNNEX is asked about, then those re-evaluated from the stored answer.</summary>
public sealed record CyclePlan(
    IReadOnlyList<PurchaseOrder> Check,
    IReadOnlyList<PurchaseOrder> Reevaluate,
    IReadOnlyDictionary<string, RequestBudget.Ticket> Tickets,
    ScheduleSummary Summary);
