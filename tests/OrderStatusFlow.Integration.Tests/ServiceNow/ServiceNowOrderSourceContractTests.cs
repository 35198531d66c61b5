using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>The ServiceNow source over its emulator (loopback, port 0) keeps the contract the in-memory fake is held to.</summary>
public sealed class ServiceNowOrderSourceContractTests : OrderSourceContract
{
    readonly List<IAsyncDisposable> _owned = [];

    protected override async Task<IOrderSource> CreateAsync(int count)
    {
        var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(count));
        _owned.Add(emulator);
        return Own(new ServiceNowOrderSource(Sn.Client(emulator, o => o.PageSize = 3)));
    }

    protected override async Task<IOrderSource> CreateUnreadableAsync()
    {
        var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(2));
        _owned.Add(emulator);
        return Own(new ServiceNowOrderSource(Sn.Client(emulator, o => { o.Password = "wrong"; o.MaxAttempts = 1; })));
    }

    IOrderSource Own(ServiceNowOrderSource source)
    {
        _owned.Add(new Disposer(source));
        return source;
    }

    [TearDown]
    public async Task DisposeOwned()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
        _owned.Clear();
    }

    sealed class Disposer(IDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
