using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Core.Tests.Seams;

/// <summary>The scripted fake keeps the status provider's contract (TD SYNNEX over its emulator runs the same fixture).</summary>
public sealed class ScriptedStatusProviderContractTests : StatusProviderContract
{
    protected override PurchaseOrder Known { get; } = Some.PurchaseOrder("C1");

    protected override PurchaseOrder Unknown { get; } = Some.PurchaseOrder("C2");

    protected override Task<IStatusProvider> CreateAsync() =>
        Task.FromResult<IStatusProvider>(new ScriptedStatusProvider().Returns(Unknown.Number, Some.NotFound()));

    protected override Task<IStatusProvider> CreateRefusingAsync() => Task.FromResult<IStatusProvider>(
        new ScriptedStatusProvider { Default = _ => throw new SyncException(FailureKind.Configuration, "TD SYNNEX refused the credentials") });
}
