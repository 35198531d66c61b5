using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>Asks the distributor what happened to one PO and interprets the answer.</summary>
/// <remarks>
/// Failure contract: returns <see cref="OrderStatus"/> with <see cref="PoState.NotFound"/> for an unknown PO (not an
/// error). Throws <see cref="SyncException"/> for everything else, classified (transient after bounded retries,
/// configuration, data). The pipeline catches it, fails this PO only, and stops calling the provider for the rest of
/// the cycle after a <see cref="FailureKind.Configuration"/> failure. Safe to call concurrently.
/// </remarks>
public interface IStatusProvider
{
    Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken);
}
