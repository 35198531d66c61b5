using System.Diagnostics;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>Waits for a condition with a deadline (no fixed sleeps).</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
