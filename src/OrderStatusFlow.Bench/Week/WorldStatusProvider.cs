using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>TD SYNNEX PO Status (and the invoice query when due) over the simulated world.</summary>
internal sealed class WorldStatusProvider(SimulatedWorld world) : IStatusProvider
{
    public Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken) => Task.FromResult(world.Answer(order));
}
