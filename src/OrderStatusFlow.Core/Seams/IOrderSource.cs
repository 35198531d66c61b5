using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Seams;

/// <summary>Reads the open connector POs, with their lines, page by page.</summary>
/// <remarks>
/// Failure contract: throws <see cref="SyncException"/> when the source cannot be read (authentication, permission,
/// unreachable after retries). The pipeline then ends the cycle: without orders there is nothing to do.
/// Implementations must not buffer the whole result set: yield each page as it arrives so memory stays flat.
/// </remarks>
public interface IOrderSource
{
    IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync(CancellationToken cancellationToken);
}
