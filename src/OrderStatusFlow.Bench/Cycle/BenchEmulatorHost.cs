using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The child side of the bench (hidden verb <c>osf-bench emulators</c>): generates the bench data set, serves it from both
/// emulators on free loopback ports, prints their base URLs on stdout and serves until stdin is closed, so the
/// emulators' memory and data stay out of the connector's process and die with the bench.
/// </summary>
static class BenchEmulatorHost
{
    public const string ServiceNowPrefix = "osf-bench servicenow ";
    public const string TdSynnexPrefix = "osf-bench tdsynnex ";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var serviceNow = await ServiceNowEmulator.StartAsync(
            ServiceNowScenario.Generate(settings.Orders, settings.SnLatencyMs, settings.SnItemLatencyMs, settings.SnCapacity));
        await using (serviceNow)
        {
            var tdSynnex = await TdSynnexEmulator.StartAsync(
                TdSynnexScenario.Generate(settings.Orders, settings.TdsLatencyMs, settings.TdsCapacity));
            await using (tdSynnex)
            {
                Console.Out.WriteLine(ServiceNowPrefix + serviceNow.BaseUrl.ToString().TrimEnd('/'));
                Console.Out.WriteLine(TdSynnexPrefix + tdSynnex.BaseUrl.ToString().TrimEnd('/'));
                Console.Out.Flush();
                // Serve until the parent closes our stdin (or dies, which closes it too).
                await Console.In.ReadToEndAsync();
            }
        }
        return 0;
    }
}
