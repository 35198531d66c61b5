using System.CommandLine;
using OrderStatusFlow.Bench.Cycle;

namespace OrderStatusFlow.Bench.Commands;

/// <summary>The data set and emulator options, shared by the cycle bench and its emulator child verb.</summary>
sealed class DataSetOptions
{
    readonly Option<int> _orders = Int("--orders", "Number of generated POs (3 lines each, mixed states)", 1000);
    readonly Option<int> _tdsLatency = Int("--tds-latency-ms", "TD SYNNEX latency per request, ms", 20);
    readonly Option<int> _tdsCapacity = Int("--tds-capacity", "TD SYNNEX requests served at once (0 = unlimited)", 8);
    readonly Option<int> _snLatency = Int("--sn-latency-ms", "ServiceNow latency per HTTP request, ms", 15);
    readonly Option<int> _snItemLatency = Int("--sn-item-latency-ms", "ServiceNow latency per batch item, ms", 1);
    readonly Option<int> _snCapacity = Int("--sn-capacity", "ServiceNow requests served at once (0 = unlimited)", 8);
    readonly Option<bool> _noWarmCycle = new("--no-warm-cycle")
    {
        Description = "Skip the warm cycle (the first cycle again, in this now warm process, on a second untouched copy of the data)",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { _orders, _tdsLatency, _tdsCapacity, _snLatency, _snItemLatency, _snCapacity })
            command.Options.Add(option);
        command.Options.Add(_noWarmCycle);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_orders) < 1)
                result.AddError("--orders must be at least 1.");
            foreach (var option in new[] { _tdsLatency, _tdsCapacity, _snLatency, _snItemLatency, _snCapacity })
                if (result.GetValue(option) < 0)
                    result.AddError($"{option.Name} must not be negative.");
        });
    }

    public BenchSettings Read(ParseResult p) => new()
    {
        Orders = p.GetValue(_orders),
        TdsLatencyMs = p.GetValue(_tdsLatency),
        TdsCapacity = p.GetValue(_tdsCapacity),
        SnLatencyMs = p.GetValue(_snLatency),
        SnItemLatencyMs = p.GetValue(_snItemLatency),
        SnCapacity = p.GetValue(_snCapacity),
        WarmCycle = !p.GetValue(_noWarmCycle),
    };

    static Option<int> Int(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };
}
