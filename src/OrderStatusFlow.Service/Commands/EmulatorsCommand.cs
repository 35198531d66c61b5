using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>emulators</c>: only the two emulators, for manual tests and other clients, until Ctrl+C.</summary>
static class EmulatorsCommand
{
    public static async Task<int> RunAsync(int serviceNowPort, int tdSynnexPort, string? scenario)
    {
        var logger = Logging.Create();
        using var stop = new StopSignal(logger);
        EmulatorPair pair;
        try
        {
            pair = await EmulatorPair.StartAsync(scenario, serviceNowPort, tdSynnexPort);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or Newtonsoft.Json.JsonException)
        {
            Console.Error.WriteLine($"osf: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
        await using (pair)
        {
            Console.WriteLine($"ServiceNow emulator: {pair.ServiceNow.BaseUrl}   TD SYNNEX emulator: {pair.TdSynnex.BaseUrl}");
            Console.WriteLine("Point the connector at them (in another shell), then run './run.sh run --once':");
            foreach (var (name, value) in pair.Variables)
                Console.WriteLine($"  export {name}='{value}'");
            Console.WriteLine("Stats: GET /_emulator/stats on either emulator. Ctrl+C stops both.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return ExitCodes.Ok;
    }
}
