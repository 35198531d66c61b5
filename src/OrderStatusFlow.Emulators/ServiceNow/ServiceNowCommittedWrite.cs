namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>One PATCH/PUT that committed: the fields that actually changed value (ignored fields excluded).</summary>
public sealed record ServiceNowCommittedWrite(
    string Table, string SysId, IReadOnlyDictionary<string, string> Changed, IReadOnlyList<string> Ignored, DateTimeOffset At);
