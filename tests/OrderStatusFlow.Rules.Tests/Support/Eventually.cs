using System.Diagnostics;

namespace OrderStatusFlow.Rules.Tests.Support;

/// <summary>Waits for a condition with a deadline (never a fixed sleep): returns how long it took, fails at the deadline.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> That(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
                Assert.Fail($"Not true within {timeout.TotalSeconds:0.#} s: {what}");
            await Task.Delay(10);
        }
        return watch.Elapsed;
    }
}
