namespace OrderStatusFlow.Core.Pipeline;

/// <summary>One failed PO of a cycle, as recorded in <c>sync_events.error</c>.</summary>
public sealed record CycleFailure(string PoNumber, string PoSysId, string Error)
{
    public override string ToString() => $"{PoNumber}: {Error}";
}
