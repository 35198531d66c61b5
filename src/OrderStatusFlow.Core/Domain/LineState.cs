namespace OrderStatusFlow.Core.Domain;

/// <summary>The derived state of one PO line (contract §5, line table; first match wins in this order).</summary>
public enum LineState
{
    Cancelled,
    Invoiced,
    Shipped,
    Partial,
    Backordered,
    Released,
    Accepted,
}
