using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// After the activity log recorded a batch: stores each PO's next check time (the rules' request, else the pipeline
/// interval; after a failure the back-off), the digests of its fields and lines as ServiceNow now holds them, the rule set, and
/// the fresh TD SYNNEX answer; and gives back the budget a PO reserved but did not call.
/// </summary>
internal sealed class ScheduleRecorder
{
    readonly ICheckSchedule _schedule;
    readonly PipelineDefinition _definition;
    readonly IReadOnlyDictionary<string, CheckState> _states;
    readonly RequestBudget? _budget;
    readonly IReadOnlyDictionary<string, RequestBudget.Ticket> _tickets;
    readonly TimeProvider _time;

    public ScheduleRecorder(ICheckSchedule schedule, PipelineDefinition definition, IReadOnlyDictionary<string, CheckState> states, RequestBudget? budget,
        IReadOnlyDictionary<string, RequestBudget.Ticket> tickets, TimeProvider time)
    {
        _schedule = schedule;
        _definition = definition;
        _states = states;
        _budget = budget;
        _tickets = tickets;
        _time = time;
    }

    public async Task RecordAsync(IReadOnlyList<OrderWorkItem> items)
    {
        var now = _time.GetUtcNow();
        var records = new List<CheckRecord>(items.Count);
        foreach (var item in items)
        {
            Settle(item);
            if (item.Status is null && item.Outcome != SyncOutcome.Failed)
                continue; // not eligible (completed or terminal): nothing to schedule
            records.Add(ToRecord(item, now));
        }
        if (records.Count > 0)
            await _schedule.RecordAsync(records, CancellationToken.None).ConfigureAwait(false);
    }

    CheckRecord ToRecord(OrderWorkItem item, DateTimeOffset now)
    {
        _states.TryGetValue(item.Po.SysId, out var previous);
        var failed = item.Outcome == SyncOutcome.Failed;
        var failures = failed ? (previous?.ConsecutiveFailures ?? 0) + 1 : 0;
        var next = failed ? now + _definition.Schedule.BackoffAfter(failures) : item.NextCheckAt ?? now + _definition.Interval;
        if (item.FromStoredAnswer && previous?.NextCheckAt is { } planned && planned < next)
            next = planned; // a re-evaluation never postpones a check that was already planned
        var written = item.Outcome == SyncOutcome.Updated ? item.Update?.PoFields : null;
        return new CheckRecord
        {
            PoSysId = item.Po.SysId,
            PoNumber = item.Po.Number,
            At = now,
            Asked = !item.FromStoredAnswer,
            NextCheckAt = next,
            FieldsHash = FieldsHash.Of(item.Po, written),
            LinesHash = FieldsHash.OfLines(item.Po.Lines, item.Outcome == SyncOutcome.Updated ? item.Update?.Lines : null),
            RulesVersion = item.RulesVersion ?? previous?.RulesVersion,
            ConsecutiveFailures = failures,
            State = item.Status?.State,
            Answer = item.FromStoredAnswer ? null : item.Status,
        };
    }

    // A PO reserved one status call and one invoice query; what it did not call goes back to the budget. A failed PO
    // keeps its reservation: how many attempts it made is not known here.
    void Settle(OrderWorkItem item)
    {
        if (_budget is null || !_tickets.TryGetValue(item.Po.SysId, out var ticket))
            return;
        if (item.FromStoredAnswer || (item.Status is null && item.Outcome != SyncOutcome.Failed))
            _budget.Settle(ticket, 0);
        else if (item.Status is { } status)
            _budget.Settle(ticket, status.InvoicesQueried ? 2 : 1);
    }
}
