using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// Decides, from the open POs' headers and the stored schedule, what one cycle does with each PO:
/// <list type="bullet">
/// <item>check (ask TD SYNNEX): asked for by an operator or <c>--once</c>; never seen; changed in ServiceNow since
/// last read (its header fields, or its lines: see <see cref="LineChangeSearch"/>); or its next check time has come.
/// When more are due than the budget allows, the order is: asked for, then new or changed, then due, by how overdue
/// they are weighted by how likely their state is to change (released and partial most, back-ordered and shipped
/// least); the rest is the backlog;</item>
/// <item>re-evaluate: not due, but last evaluated by another rule set and an answer is stored (no TD SYNNEX call, no
/// budget); without a stored answer such a PO is checked after the due ones;</item>
/// <item>leave alone: everything else.</item>
/// </list>
/// </summary>
public static class CyclePlanner
{
    /// <summary>Calls one check may make: the PO Status call and, for shipped quantity, one invoice query.</summary>
    public const int CallsPerCheck = 2;

    public static CyclePlan Plan(IReadOnlyList<PurchaseOrder> headers, IReadOnlyDictionary<string, CheckState> states, CycleRequest request,
        string? rulesVersion, DateTimeOffset now, RequestBudget? budget,
        IReadOnlySet<string>? linesChanged = null)
    {
        var candidates = new List<(PurchaseOrder Po, int Class, double Score)>();
        var reevaluate = new List<PurchaseOrder>();
        var changed = 0;
        foreach (var po in headers)
        {
            states.TryGetValue(po.SysId, out var state);
            switch (Classify(po, state, request, rulesVersion, now, linesChanged?.Contains(po.SysId) == true))
            {
                case Decision.Asked:
                    candidates.Add((po, 0, 0));
                    break;
                case Decision.New:
                    candidates.Add((po, 1, 0));
                    break;
                case Decision.Changed:
                    changed++;
                    candidates.Add((po, 1, 0));
                    break;
                case Decision.Due:
                    candidates.Add((po, 2, ((now - (state!.NextCheckAt ?? now)).TotalMinutes + 1) * Likelihood(state.LastState)));
                    break;
                case Decision.NoStoredAnswer:
                    candidates.Add((po, 3, 0));
                    break;
                case Decision.Reevaluate:
                    reevaluate.Add(po);
                    break;
            }
        }

        var ordered = candidates.OrderBy(c => c.Class).ThenByDescending(c => c.Score).ToList();
        var check = new List<PurchaseOrder>(ordered.Count);
        var tickets = new Dictionary<string, RequestBudget.Ticket>(StringComparer.Ordinal);
        foreach (var (po, _, _) in ordered)
        {
            if (budget is not null)
            {
                if (budget.TryTake(CallsPerCheck) is not { } ticket)
                    break;
                tickets[po.SysId] = ticket;
            }
            check.Add(po);
        }
        var summary = new ScheduleSummary
        {
            Open = headers.Count,
            Due = candidates.Count,
            Checked = check.Count,
            Reevaluated = reevaluate.Count,
            Backlog = candidates.Count - check.Count,
            ChangedInServiceNow = changed,
        };
        return new CyclePlan(check, reevaluate, tickets, summary);
    }

    /// <summary>
    /// Whether a change to this PO's lines would change what the cycle does with it, so that a search for changed
    /// lines must read them: false for a PO the request leaves out, and for one checked whatever its lines say (asked
    /// for, new, or with changed header fields; without a budget also a due one, as every due PO is checked then).
    /// </summary>
    public static bool LinesDecide(PurchaseOrder po, CheckState? state, CycleRequest request, string? rulesVersion, DateTimeOffset now, bool budgeted) =>
        Classify(po, state, request, rulesVersion, now, linesChanged: false) switch
        {
            Decision.LeftOut or Decision.Asked or Decision.New or Decision.Changed => false,
            Decision.Due or Decision.NoStoredAnswer => budgeted,
            _ => true,
        };

    enum Decision { LeftOut, Asked, New, Changed, Due, NoStoredAnswer, Reevaluate, Alone }

    static Decision Classify(PurchaseOrder po, CheckState? state, CycleRequest request, string? rulesVersion, DateTimeOffset now, bool linesChanged)
    {
        if (request.OnlyPoNumbers is { } only && !only.Contains(po.Number))
            return Decision.LeftOut;
        if (request.CheckAll || request.OnlyPoNumbers is not null || request.SyncNow.Contains(po.Number))
            return Decision.Asked;
        if (state is null)
            return Decision.New;
        if (!string.Equals(state.FieldsHash, FieldsHash.Of(po), StringComparison.Ordinal) || linesChanged)
            return Decision.Changed;
        if (state.NextCheckAt is not { } next || next <= now)
            return Decision.Due;
        if (!string.Equals(state.RulesVersion, rulesVersion, StringComparison.Ordinal))
            return state.HasAnswer ? Decision.Reevaluate : Decision.NoStoredAnswer;
        return Decision.Alone;
    }

    /// <summary>How likely a PO in this state is to change soon (weights the overdue time).</summary>
    static double Likelihood(PoState? state) => state switch
    {
        PoState.Released or PoState.Partial => 4,
        PoState.Accepted or null => 3,
        PoState.Shipped or PoState.Invoiced => 2,
        PoState.Backordered => 1.5,
        _ => 1,
    };
}
