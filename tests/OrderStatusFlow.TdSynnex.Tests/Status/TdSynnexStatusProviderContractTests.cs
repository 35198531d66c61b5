using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.TdSynnex.Tests.Status;

/// <summary>TD SYNNEX over its emulator (loopback, port 0) keeps the contract the scripted fake is held to.</summary>
public sealed class TdSynnexStatusProviderContractTests : StatusProviderContract
{
    readonly List<TdSynnexTestBed> _beds = [];

    protected override PurchaseOrder Known { get; } = TdSynnexTestBed.DemoPo("C1");

    protected override PurchaseOrder Unknown { get; } = TdSynnexTestBed.DemoPo("C2");

    protected override Task<IStatusProvider> CreateAsync() => StartAsync(null);

    protected override Task<IStatusProvider> CreateRefusingAsync() => StartAsync(o => o.Password = "wrong");

    async Task<IStatusProvider> StartAsync(Action<TdSynnex.TdSynnexOptions>? configure)
    {
        var bed = await TdSynnexTestBed.StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("C1")] }, configure);
        _beds.Add(bed);
        return bed.Provider;
    }

    [TearDown]
    public async Task DisposeBeds()
    {
        foreach (var bed in _beds)
            await bed.DisposeAsync();
        _beds.Clear();
    }
}
