namespace OrderStatusFlow.Core.Domain;

/// <summary>The derived state of one PO line (first match wins in this order; the rows are in TdSynnex/Interpretation/LineInterpreter.cs).</summary>
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
