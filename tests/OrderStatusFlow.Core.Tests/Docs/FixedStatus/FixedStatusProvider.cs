using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Example.FixedStatus;

/// <summary>Answers every PO with the same status, without asking anyone.</summary>
public sealed class FixedStatusProvider(string headerCode) : IStatusProvider
{
    public Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken) =>
        Task.FromResult(new OrderStatus { HeaderCode = headerCode, State = PoState.Accepted });
}
