namespace OrderStatusFlow.Core.Domain;

/// <summary>The derived state of a whole PO (contract §5, PO table; first match wins in this order).</summary>
public enum PoState
{
    /// <summary>TD SYNNEX answered <c>notFound</c>: nothing is derived and nothing is written.</summary>
    NotFound,
    Cancelled,
    Invoiced,
    Shipped,
    Partial,
    Backordered,
    Released,
    Accepted,
}
