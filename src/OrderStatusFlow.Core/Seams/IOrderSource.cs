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

    /// <summary>
    /// The <c>sys_id</c>s of the POs that have a line updated at or after <paramref name="since"/> (by anyone, the
    /// connector's own writes included; the caller tells them apart by digest), in one cheap read that carries no line
    /// fields; POs outside the open set may be among them. Null when the source cannot tell: then line edits are seen
    /// only when a PO is next checked.
    /// </summary>
    Task<IReadOnlySet<string>?> FindPosWithLinesUpdatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>?>(null);
}
