using System.Diagnostics;

namespace OrderStatusFlow.TestKit;

/// <summary>Waits on a condition with a deadline (never a fixed sleep).</summary>
public static class Wait
{
    /// <summary>30 s: generous, because test fixtures run side by side on a 2-core machine shared with other builds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Polls <paramref name="condition"/> until true and returns how long that took; throws
    /// <see cref="TimeoutException"/> naming the condition at the deadline.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > (timeout ?? DefaultTimeout))
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s waiting for: {what}");
            await Task.Yield();
            await Task.Delay(5).ConfigureAwait(false);
        }
        return deadline.Elapsed;
    }

    /// <summary>Awaits <paramref name="task"/> with a deadline.</summary>
    public static async Task<T> ForAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        await UntilAsync(() => task.IsCompleted, what, timeout).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    public static async Task ForAsync(Task task, string what, TimeSpan? timeout = null)
    {
        await UntilAsync(() => task.IsCompleted, what, timeout).ConfigureAwait(false);
        await task.ConfigureAwait(false);
    }
}
