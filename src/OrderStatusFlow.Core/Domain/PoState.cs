namespace OrderStatusFlow.Core.Domain;

/// <summary>The derived state of a whole PO (first match wins in this order; the rows are in TdSynnex/Interpretation/StatusInterpreter.cs).</summary>
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
