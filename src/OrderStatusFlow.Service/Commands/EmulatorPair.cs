using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Service.Commands;

/// <summary>Both emulators started from one scenario file, and the <c>OSF_*</c> settings that point at them.</summary>
sealed class EmulatorPair : IAsyncDisposable
{
    EmulatorPair(ServiceNowEmulator serviceNow, TdSynnexEmulator tdSynnex, JObject scenario)
    {
        ServiceNow = serviceNow;
        TdSynnex = tdSynnex;
        // The same variable names the stage factories read (ServiceNowConnection, TdSynnexConnection).
        var sn = OrderStatusFlow.ServiceNow.ServiceNowConnection.Variables;
        var tds = OrderStatusFlow.TdSynnex.TdSynnexConnection.Variables;
        var serviceNowUrl = serviceNow.BaseUrl.ToString().TrimEnd('/');
        var tdSynnexUrl = tdSynnex.BaseUrl.ToString().TrimEnd('/');
        Variables = new Dictionary<string, string>
        {
            [sn["url"]] = serviceNowUrl,
            [sn["user"]] = (string?)scenario["servicenow"]!["user"] ?? "",
            [sn["password"]] = (string?)scenario["servicenow"]!["password"] ?? "",
            [tds["url"]] = tdSynnexUrl,
            [tds["invoiceUrl"]] = tdSynnexUrl,
            [tds["user"]] = (string?)scenario["tdsynnex"]!["user"] ?? "",
            [tds["password"]] = (string?)scenario["tdsynnex"]!["password"] ?? "",
            [tds["customer"]] = (string?)scenario["tdsynnex"]!["customer"] ?? "",
        };
    }

    public ServiceNowEmulator ServiceNow { get; }

    public TdSynnexEmulator TdSynnex { get; }

    /// <summary>The environment a connector needs to reach these emulators (emulator credentials only).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public static string DemoScenarioPath => Path.Combine(AppContext.BaseDirectory, "Scenarios", "demo.json");

    public static async Task<EmulatorPair> StartAsync(string? scenarioPath, int serviceNowPort = 0, int tdSynnexPort = 0)
    {
        var path = scenarioPath ?? DemoScenarioPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"Scenario file '{path}' does not exist; pass --scenario with a file that has 'servicenow' and 'tdsynnex' sections.");
        var json = await File.ReadAllTextAsync(path);
        var scenario = JObject.Parse(json);
        if (scenario["servicenow"] is not JObject || scenario["tdsynnex"] is not JObject)
            throw new InvalidDataException($"Scenario file '{path}' needs both a 'servicenow' and a 'tdsynnex' section.");
        var serviceNow = await ServiceNowEmulator.StartAsync(ServiceNowScenario.FromScenarioJson(json), serviceNowPort);
        try
        {
            var tdSynnex = await TdSynnexEmulator.StartAsync(TdSynnexScenario.FromJson(json), tdSynnexPort);
            return new EmulatorPair(serviceNow, tdSynnex, scenario);
        }
        catch
        {
            await serviceNow.DisposeAsync();
            throw;
        }
    }

    /// <summary>Points this process's connector settings at the emulators.</summary>
    public void ApplyToEnvironment()
    {
        foreach (var (name, value) in Variables)
            Environment.SetEnvironmentVariable(name, value);
    }

    public async ValueTask DisposeAsync()
    {
        await TdSynnex.DisposeAsync();
        await ServiceNow.DisposeAsync();
    }
}
