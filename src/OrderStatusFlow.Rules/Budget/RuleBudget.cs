using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OrderStatusFlow.Rules.Budget;

/// <summary>
/// The per-evaluation budget of a rule script. The compiler inserts a call to <see cref="Step"/> at the start of every
/// loop body and a call to <see cref="Enter"/> at the start of every method, local function, lambda and accessor of a
/// script (see README-budget.md). State is per thread, so concurrent evaluations do not share a budget.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuleBudget
{
    // Reading the clock costs more than a decrement, so the deadline is checked every ClockInterval steps only.
    const int ClockInterval = 4096;

    [ThreadStatic] static long t_remaining;
    [ThreadStatic] static long t_deadline;
    [ThreadStatic] static long t_maxSteps;
    [ThreadStatic] static int t_untilClock;
    [ThreadStatic] static bool t_active;

    /// <summary>Counts one step; throws <see cref="RuleBudgetExceededException"/> when the budget is spent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step()
    {
        if (--t_remaining < 0 || --t_untilClock <= 0)
            Slow();
    }

    /// <summary>A step plus a stack check, so that endless recursion fails cleanly instead of killing the process.</summary>
    public static void Enter()
    {
        Step();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new RuleBudgetExceededException("the rule recursed too deeply (is there a method that calls itself without end?)");
    }

    internal static void Begin(RuleBudgetLimits limits)
    {
        t_maxSteps = limits.MaxSteps;
        t_remaining = limits.MaxSteps;
        t_deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        t_untilClock = ClockInterval;
        t_active = true;
    }

    internal static void End()
    {
        t_active = false;
        t_remaining = long.MaxValue;
        t_untilClock = int.MaxValue;
    }

    static void Slow()
    {
        if (!t_active)
        {
            // Called outside an evaluation (e.g. a script compiled for a test run directly): nothing to enforce.
            t_remaining = long.MaxValue;
            t_untilClock = int.MaxValue;
            return;
        }
        if (t_remaining < 0)
            throw new RuleBudgetExceededException($"the rule ran more than {t_maxSteps:N0} steps (is there an endless loop?)");
        t_untilClock = ClockInterval;
        if (Stopwatch.GetTimestamp() > t_deadline)
            throw new RuleBudgetExceededException("the rule ran past its time budget (is there an endless loop?)");
    }
}
