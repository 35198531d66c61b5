namespace OrderStatusFlow.Bench.Week;

/// <summary>One change of a PO's TD SYNNEX answer: when, what, and whether TD SYNNEX announced it beforehand (a date).</summary>
internal sealed record WorldChange(DateTimeOffset At, ChangeKind Kind, bool Announced);
