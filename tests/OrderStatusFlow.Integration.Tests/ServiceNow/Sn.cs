using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>Builders for the ServiceNow tests: options with quick back-offs, ids of the generated data set, updates.</summary>
static class Sn
{
    public const string User = "osf.integration";
    public const string Password = "demo-password";

    public static ServiceNowOptions Options(ServiceNowEmulator emulator, Action<ServiceNowOptions>? configure = null)
    {
        var options = new ServiceNowOptions
        {
            Url = emulator.BaseUrl.ToString(),
            User = User,
            Password = Password,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(3),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxAttempts = 5,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ServiceNowClient Client(ServiceNowEmulator emulator, Action<ServiceNowOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(emulator, configure), null, time);

    /// <summary>The sys_id of PO i of <see cref="ServiceNowScenario.Generate"/>.</summary>
    public static string Po(int i) => "bp" + i.ToString("D30");

    public static string Line(int i, int l) => "bl" + i.ToString("D27") + l.ToString("D3");

    public static string Number(int i) => $"BN{i:D7}";

    /// <summary>An update of PO i: its status and the line status of every line given.</summary>
    public static StatusUpdate Update(int i, string status, params int[] lines) => new(
        Po(i), Number(i),
        new Dictionary<string, string> { ["u_tds_order_status"] = status, ["u_tracking_number"] = $"TRK{i}" },
        lines.Select(l => new LineUpdate(Line(i, l), l.ToString(), new Dictionary<string, string>
        {
            ["u_tds_line_status"] = status, ["u_tds_shipped_quantity"] = (l + 1).ToString(),
        })).ToList());

    public static async Task<List<PurchaseOrder>> ReadAllAsync(ServiceNowOrderSource source)
    {
        var all = new List<PurchaseOrder>();
        await foreach (var po in source.ReadOpenOrdersAsync(CancellationToken.None))
            all.Add(po);
        return all;
    }

    /// <summary>How many committed writes changed each (table, sys_id, field).</summary>
    public static Dictionary<string, int> ChangeCounts(ServiceNowEmulator emulator) =>
        emulator.CommittedWrites.SelectMany(w => w.Changed.Keys.Select(f => $"{w.Table}/{w.SysId}/{f}"))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Drives a rate-limited emulator on a fake clock: its windows never end by themselves (so a burst is always
    /// limited, however slow the machine), and each 429 it answers moves its clock past the window, so the client's
    /// retry after Retry-After finds a fresh one. Stops when disposed.
    /// </summary>
    public static IAsyncDisposable AdvanceClockOnEachRateLimit(ServiceNowEmulator emulator, FakeTimeProvider time)
    {
        var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            long seen = 0;
            while (!stop.IsCancellationRequested)
            {
                var limited = emulator.Stats[ServiceNowEmulatorStats.RateLimited];
                if (limited > seen)
                {
                    seen = limited;
                    time.Advance(TimeSpan.FromSeconds(1));
                }
                await Task.Delay(5);
            }
        });
        return new Stopper(stop, loop);
    }

    sealed class Stopper(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
