using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OrderStatusFlow.Rules.Budget;

/// <summary>
/// The per-evaluation budget of a rule script: steps, time, allocated bytes and stack depth. The compiler inserts
/// <see cref="Step"/> at the start of every loop body, <see cref="Enter"/> at the start of every method, local function,
/// lambda and accessor, <see cref="Pass{T}"/> around every query-clause expression, and <see cref="Check"/> at the
/// start of every catch and finally block (see README-budget.md). Once spent, the budget stays spent: every later
/// check throws again, so a finally block cannot keep the rule running. State is per thread.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuleBudget
{
    // Reading the clock and the allocation counter costs more than a decrement, so they are checked every ClockInterval steps.
    const int ClockInterval = 1024;

    [ThreadStatic] static long t_remaining;
    [ThreadStatic] static long t_deadline;
    [ThreadStatic] static long t_maxSteps;
    [ThreadStatic] static long t_allocationLimit;
    [ThreadStatic] static long t_maxAllocated;
    [ThreadStatic] static nint t_stackLimit;
    [ThreadStatic] static int t_untilClock;
    [ThreadStatic] static bool t_active;
    [ThreadStatic] static string? t_spent;

    /// <summary>Counts one step; throws <see cref="RuleBudgetExceededException"/> when the budget is spent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step()
    {
        if (--t_remaining < 0 || --t_untilClock <= 0)
            Slow();
    }

    /// <summary>A step plus a stack check, so that deep or endless recursion fails cleanly instead of killing the process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter()
    {
        Step();
        byte here = 0;
        if ((nint)(&here) < t_stackLimit)
            Spend("the rule recursed too deeply (is there a method that calls itself without end?)");
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            Spend("the rule recursed too deeply (is there a method that calls itself without end?)");
    }

    /// <summary>A step that passes a query clause's value through (query clauses have no body to put a step in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Pass<T>(T value)
    {
        Step();
        return value;
    }

    /// <summary>Throws again when the budget is already spent (inserted at the start of catch and finally blocks).</summary>
    public static void Check()
    {
        if (t_spent is { } reason)
            throw new RuleBudgetExceededException(reason);
    }

    internal static unsafe void Begin(RuleBudgetLimits limits)
    {
        byte here = 0;
        t_maxSteps = limits.MaxSteps;
        t_remaining = limits.MaxSteps;
        t_deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        t_maxAllocated = limits.MaxAllocatedBytes;
        t_allocationLimit = GC.GetAllocatedBytesForCurrentThread() + limits.MaxAllocatedBytes;
        // Stacks grow down: the limit is an address below this frame.
        t_stackLimit = (nint)(&here) - limits.MaxStackBytes;
        t_untilClock = ClockInterval;
        t_spent = null;
        t_active = true;
    }

    /// <summary>Ends the evaluation of one script; throws when it allocated more than allowed since <see cref="Begin"/>.</summary>
    internal static void End()
    {
        var overAllocated = t_active && GC.GetAllocatedBytesForCurrentThread() > t_allocationLimit;
        t_active = false;
        t_spent = null;
        t_remaining = long.MaxValue;
        t_untilClock = int.MaxValue;
        t_stackLimit = 0;
        if (overAllocated)
            throw new RuleBudgetExceededException(AllocationMessage());
    }

    static string AllocationMessage() => $"the rule allocated more than {t_maxAllocated / (1024 * 1024):N0} MiB of memory for one PO";

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
            Spend($"the rule ran more than {t_maxSteps:N0} steps (is there an endless loop?)");
        t_untilClock = ClockInterval;
        if (Stopwatch.GetTimestamp() > t_deadline)
            Spend("the rule ran past its time budget (is there an endless loop?)");
        if (GC.GetAllocatedBytesForCurrentThread() > t_allocationLimit)
            Spend(AllocationMessage());
    }

    // Spent for good: every later Step, Enter or Check throws the same reason until End.
    static void Spend(string reason)
    {
        t_spent ??= reason;
        t_remaining = -1;
        t_untilClock = 0;
        throw new RuleBudgetExceededException(t_spent);
    }
}
