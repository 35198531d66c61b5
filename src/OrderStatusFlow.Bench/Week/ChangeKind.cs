namespace OrderStatusFlow.Bench.Week;

/// <summary>What changed in TD SYNNEX's answer for a PO: the rows of the freshness table.</summary>
internal enum ChangeKind
{
    Released,
    Backordered,
    EtaChanged,
    Partial,
    Shipped,
    Cancelled,
    Invoice,
}
