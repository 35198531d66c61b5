namespace OrderStatusFlow.Core.Scheduling;

/// <summary>What the scheduler decided for one cycle; the console and metrics show <see cref="Backlog"/>.</summary>
public sealed record ScheduleSummary
{
    /// <summary>Open POs read from ServiceNow (headers only).</summary>
    public int Open { get; init; }

    /// <summary>POs that were due: next check time reached, new, changed in ServiceNow, or asked for.</summary>
    public int Due { get; init; }

    /// <summary>Due POs TD SYNNEX was asked about this cycle.</summary>
    public int Checked { get; init; }

    /// <summary>POs re-evaluated by a new rule set from the stored answer, without a TD SYNNEX call.</summary>
    public int Reevaluated { get; init; }

    /// <summary>Due POs left for later cycles because the budget was spent; the most overdue and likely go first.</summary>
    public int Backlog { get; init; }

    /// <summary>Of the due POs, those that changed in ServiceNow since they were last read.</summary>
    public int ChangedInServiceNow { get; init; }

    public override string ToString() =>
        $"{Open} open, {Due} due ({ChangedInServiceNow} changed in ServiceNow), {Checked} checked, {Reevaluated} re-evaluated, {Backlog} in backlog";
}
