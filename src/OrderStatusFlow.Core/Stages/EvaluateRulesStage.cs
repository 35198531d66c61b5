using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// Runs the current rule set on one PO and turns the outcome into the minimal write. Handles TD SYNNEX
/// <c>notFound</c>: skipped until the streak reaches the grace cycles, then failed. Never throws.
/// </summary>
internal sealed class EvaluateRulesStage
{
    readonly IRuleSetProvider _rules;
    readonly IReadOnlyDictionary<string, string> _settings;
    readonly IReadOnlyDictionary<string, int> _notFoundStreaks;
    readonly int _graceCycles;
    readonly TimeProvider _time;

    /// <param name="notFoundStreaks">Consecutive notFound answers before this cycle, by PO sys_id (read once per cycle).</param>
    public EvaluateRulesStage(IRuleSetProvider rules, PipelineDefinition definition, IReadOnlyDictionary<string, int> notFoundStreaks, TimeProvider time)
    {
        _rules = rules;
        _settings = definition.Settings;
        _notFoundStreaks = notFoundStreaks;
        _graceCycles = definition.NotFoundGraceCycles;
        _time = time;
    }

    public OrderWorkItem Process(OrderWorkItem item)
    {
        if (item.IsDecided || item.Status is not { } status)
            return item;
        var started = _time.GetTimestamp();
        try
        {
            if (status.IsNotFound)
                return NotFound(item);
            var ruleSet = _rules.Current; // once per PO: no PO is evaluated by a mix of old and new rules
            item.RulesVersion = ruleSet.Version;
            var outcome = ruleSet.Evaluate(new RuleContext(item.Po, status, _settings) { Now = _time.GetUtcNow() });
            item.NextCheckAt = outcome.NextCheckAt;
            if (outcome.SkipReason is { } reason)
            {
                item.Skip(reason);
                return item;
            }
            var update = ChangeDetector.Diff(item.Po, outcome, LineKey);
            item.Update = update;
            if (update.IsEmpty)
                item.Outcome = SyncOutcome.Unchanged;
        }
        catch (SyncException ex)
        {
            if (ex.Kind == FailureKind.Rule)
                ConnectorMetrics.RuleEvaluationFailure();
            item.Fail(ex);
        }
        catch (Exception ex)
        {
            ConnectorMetrics.RuleEvaluationFailure();
            item.Fail(FailureKind.Rule, $"the rules failed ({ex.GetType().Name}: {ex.Message}); fix the rule and save it, the PO is retried next cycle");
        }
        finally
        {
            item.RulesDuration = _time.GetElapsedTime(started);
        }
        return item;
    }

    OrderWorkItem NotFound(OrderWorkItem item)
    {
        var streak = _notFoundStreaks.GetValueOrDefault(item.Po.SysId) + 1;
        item.RulesVersion = _rules.Current.Version;
        if (streak >= _graceCycles)
            item.Fail(FailureKind.NotFound,
                $"TD SYNNEX has answered notFound for {item.Po.Number} {streak} cycles in a row (grace: {_graceCycles}); check that the PO number and customer number match the order placed with TD SYNNEX");
        else
            item.Skip($"notFound {streak} of {_graceCycles}: TD SYNNEX does not know the PO yet; it fails from the {Ordinal(_graceCycles)} consecutive notFound");
        return item;
    }

    static string LineKey(PurchaseOrderLine line) => line.Number is { Length: > 0 } number ? number : line.SysId;

    static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
