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

    /// <summary>
    /// The open POs without their lines (the scheduler's cheap read: it decides from the headers which POs are due).
    /// A source that cannot read headers alone may return the POs with their lines.
    /// </summary>
    IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync(CancellationToken cancellationToken) => ReadOpenOrdersAsync(cancellationToken);

    /// <summary>
    /// The given POs (from <see cref="ReadOpenHeadersAsync"/>) with their lines, in bulk, yielded as they arrive; a PO
    /// whose lines are already present is passed on as it is.
    /// </summary>
    IAsyncEnumerable<PurchaseOrder> ReadLinesAsync(IReadOnlyList<PurchaseOrder> headers, CancellationToken cancellationToken) =>
        headers.ToAsyncEnumerable();
}
