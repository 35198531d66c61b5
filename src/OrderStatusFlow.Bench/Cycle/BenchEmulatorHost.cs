using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The child side of the bench (hidden verb <c>osf-bench emulators</c>): generates the bench data set, serves it from both
/// emulators on free loopback ports, prints their base URLs on stdout and serves until stdin is closed, so the
/// emulators' memory and data stay out of the connector's process and die with the bench. For the warm cycle it serves
/// a second, separate copy of the same data set from a second pair of emulators in this process.
/// </summary>
static class BenchEmulatorHost
{
    public const string ServiceNowPrefix = "osf-bench servicenow ";
    public const string TdSynnexPrefix = "osf-bench tdsynnex ";
    public const string WarmServiceNowPrefix = "osf-bench servicenow-warm ";
    public const string WarmTdSynnexPrefix = "osf-bench tdsynnex-warm ";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        await using var serviceNow = await StartServiceNowAsync(settings);
        await using var tdSynnex = await StartTdSynnexAsync(settings);
        await using var warmServiceNow = settings.WarmCycle ? await StartServiceNowAsync(settings) : null;
        await using var warmTdSynnex = settings.WarmCycle ? await StartTdSynnexAsync(settings) : null;
        Console.Out.WriteLine(ServiceNowPrefix + Url(serviceNow.BaseUrl));
        Console.Out.WriteLine(TdSynnexPrefix + Url(tdSynnex.BaseUrl));
        if (warmServiceNow is not null && warmTdSynnex is not null)
        {
            Console.Out.WriteLine(WarmServiceNowPrefix + Url(warmServiceNow.BaseUrl));
            Console.Out.WriteLine(WarmTdSynnexPrefix + Url(warmTdSynnex.BaseUrl));
        }
        Console.Out.Flush();
        // Serve until the parent closes our stdin (or dies, which closes it too).
        await Console.In.ReadToEndAsync();
        return 0;
    }

    static Task<ServiceNowEmulator> StartServiceNowAsync(BenchSettings settings) => ServiceNowEmulator.StartAsync(
        ServiceNowScenario.Generate(settings.Orders, settings.SnLatencyMs, settings.SnItemLatencyMs, settings.SnCapacity));

    static Task<TdSynnexEmulator> StartTdSynnexAsync(BenchSettings settings) => TdSynnexEmulator.StartAsync(
        TdSynnexScenario.Generate(settings.Orders, settings.TdsLatencyMs, settings.TdsCapacity));

    static string Url(Uri baseUrl) => baseUrl.ToString().TrimEnd('/');
}
