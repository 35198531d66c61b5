using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>The ServiceNow writer over its emulator (loopback, port 0) keeps the contract the collecting fake is held to.</summary>
public sealed class ServiceNowRecordWriterContractTests : RecordWriterContract
{
    readonly List<IAsyncDisposable> _emulators = [];
    readonly List<IDisposable> _clients = [];

    protected override async Task<(IRecordWriter Writer, IOrderSource Source)> CreateAsync(int count)
    {
        var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(count));
        _emulators.Add(emulator);
        var client = Sn.Client(emulator);
        _clients.Add(client);
        return (new ServiceNowRecordWriter(client), new ServiceNowOrderSource(client));
    }

    [TearDown]
    public async Task DisposeAll()
    {
        _clients.ForEach(c => c.Dispose());
        _clients.Clear();
        foreach (var emulator in _emulators)
            await emulator.DisposeAsync();
        _emulators.Clear();
    }
}
