using System.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Scripting;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// One immutable, loaded version of the rule scripts. Evaluates every script in file-name order for one PO, each within
/// its budget. Safe to call concurrently: all per-evaluation state lives in the globals and a thread-static budget.
/// </summary>
public sealed class CompiledRuleSet : IRuleSet
{
    readonly IReadOnlyList<CompiledRule> _rules;
    readonly RuleBudgetLimits _limits;
    RuleLoadContext? _context;

    internal CompiledRuleSet(string version, IReadOnlyList<CompiledRule> rules, RuleLoadContext context, RuleBudgetLimits limits, RuleSettingChoices? choices = null)
    {
        Version = version;
        _rules = rules;
        _context = context;
        _limits = limits;
        SettingChoices = choices ?? new RuleSettingChoices();
        Files = rules.Select(r => r.File).ToArray();
    }

    public string Version { get; }

    /// <summary>The settings whose values the scripts restrict (see <see cref="RuleSettingChoices"/>).</summary>
    public RuleSettingChoices SettingChoices { get; }

    /// <summary>The scripts of the set, in evaluation order, as shown in messages (e.g. <c>rules/10-line-status.csx</c>).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    /// <exception cref="SyncException">A rule threw or ran out of budget (<see cref="FailureKind.Rule"/>, names file and line).</exception>
    public RuleOutcome Evaluate(RuleContext context)
    {
        var outcome = new RuleOutcome();
        // Slot 0 holds the globals, slot 1 the submission itself; one array serves every script of the set.
        var submission = new object[] { new RuleGlobals(context, outcome), null! };
        foreach (var rule in _rules)
        {
            Task<object> run;
            RuleBudget.Begin(_limits);
            try
            {
                run = rule.Entry(submission);
            }
            catch (Exception ex)
            {
                throw Failure(rule, ex);
            }
            finally
            {
                RuleBudget.End();
            }
            if (run.IsFaulted)
                throw Failure(rule, run.Exception!.InnerException ?? run.Exception);
            if (!run.IsCompleted)
                throw new SyncException(FailureKind.Rule, $"{rule.File}: the rule did not finish synchronously; rules must not wait for anything.");
        }
        return outcome;
    }

    /// <summary>Starts unloading the scripts' load context; it completes once no evaluation still runs this set.</summary>
    public void Unload() => Interlocked.Exchange(ref _context, null)?.Unload();

    /// <summary>A weak handle on the load context, for checking that an unloaded set was really collected.</summary>
    internal WeakReference CreateContextReference() => new(_context);

    static SyncException Failure(CompiledRule rule, Exception ex)
    {
        var line = FindLine(rule.File, ex);
        var where = line > 0 ? $"{rule.File} line {line}" : rule.File;
        var what = ex is RuleBudgetExceededException or InsufficientExecutionStackException
            ? ex.Message
            : $"{ex.GetType().Name}: {ex.Message}";
        // The script's exception is not kept as the inner exception: its stack trace would pin the unloaded set.
        return new SyncException(FailureKind.Rule, $"{where}: {what}");
    }

    static int FindLine(string file, Exception ex)
    {
        foreach (var frame in new StackTrace(ex, fNeedFileInfo: true).GetFrames())
            if (string.Equals(frame.GetFileName(), file, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                return frame.GetFileLineNumber();
        return 0;
    }
}
