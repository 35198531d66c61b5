using System.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Isolation;
using OrderStatusFlow.Rules.Protection;
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
    readonly ProtectedFields _protected;
    RuleLoadContext? _context;
    ReadOnlySettings? _settings;

    internal CompiledRuleSet(string version, IReadOnlyList<CompiledRule> rules, RuleLoadContext context, RuleBudgetLimits limits,
        ProtectedFields protectedFields, RuleSettingChoices? choices = null)
    {
        Version = version;
        _rules = rules;
        _context = context;
        _limits = limits;
        _protected = protectedFields;
        SettingChoices = choices ?? new RuleSettingChoices();
        Files = rules.Select(r => r.File).ToArray();
    }

    /// <summary>Marks each evaluation for the supervisor, when the process runs supervised (set by the catalog).</summary>
    internal RuleCrashGuard? Guard { get; set; }

    static readonly Task<object> NotRun = Task.FromResult<object>(null!);

    public string Version { get; }

    /// <summary>The settings whose values the scripts restrict (see <see cref="RuleSettingChoices"/>).</summary>
    public RuleSettingChoices SettingChoices { get; }

    /// <summary>The scripts of the set, in evaluation order, as shown in messages (e.g. <c>rules/10-line-status.csx</c>).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    /// <exception cref="SyncException">A rule threw or ran out of budget (<see cref="FailureKind.Rule"/>, names file and line).</exception>
    public RuleOutcome Evaluate(RuleContext context)
    {
        var guard = Guard;
        guard?.Enter(context.Po, Version);
        try
        {
            return EvaluateAll(context);
        }
        finally
        {
            guard?.Exit();
        }
    }

    RuleOutcome EvaluateAll(RuleContext context)
    {
        var outcome = new RuleOutcome();
        // The rules see a read-only view of the settings: no PO's rule can change what later POs see.
        context = context with { Settings = ReadOnlySettings.For(context.Settings, ref _settings) };
        // Slot 0 holds the globals, slot 1 the submission itself; one array serves every script of the set.
        var submission = new object[] { new RuleGlobals(context, outcome), null! };
        foreach (var rule in _rules)
        {
            Task<object> run;
            Exception? thrown = null;
            RuleBudget.Begin(_limits);
            try
            {
                run = rule.Entry(submission);
            }
            catch (Exception ex)
            {
                run = NotRun;
                thrown = ex;
            }
            try
            {
                RuleBudget.End();
            }
            catch (RuleBudgetExceededException ex)
            {
                thrown ??= ex;
            }
            if (thrown is not null || run.IsFaulted)
                throw Failure(rule, thrown ?? run.Exception!.InnerException ?? run.Exception!);
            if (!run.IsCompleted)
                throw new SyncException(FailureKind.Rule, $"{rule.File}: the rule did not finish synchronously; rules must not wait for anything.");
            if (ProtectedFieldCheck.FindWrite(outcome, _protected) is { } problem)
                throw new SyncException(FailureKind.Rule, $"{rule.File}: the rule wrote a protected field: {problem}");
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
        var what = ex switch
        {
            RuleBudgetExceededException or InsufficientExecutionStackException => SafeMessage(ex),
            OutOfMemoryException => "the rule tried to allocate more memory than the process may use",
            _ => $"{ex.GetType().Name}: {SafeMessage(ex)}",
        };
        // The script's exception is not kept as the inner exception: its stack trace would pin the unloaded set.
        return new SyncException(FailureKind.Rule, $"{where}: {what}");
    }

    // Only framework exceptions reach here (rules cannot define exception types), but their message is still read
    // defensively: whatever it does, the failure of this PO is reported and nothing else is affected.
    static string SafeMessage(Exception ex)
    {
        try
        {
            var message = ex.Message;
            return message.Length <= 500 ? message : message[..500] + "...";
        }
        catch (Exception)
        {
            return "(the exception's message could not be read)";
        }
    }

    static int FindLine(string file, Exception ex)
    {
        try
        {
            foreach (var frame in new StackTrace(ex, fNeedFileInfo: true).GetFrames())
                if (string.Equals(frame.GetFileName(), file, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                    return frame.GetFileLineNumber();
        }
        catch (Exception)
        {
            // No line then; the file is still named.
        }
        return 0;
    }
}
