using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Core.Tests.Seams;

/// <summary>The in-memory fake keeps the order source's contract (ServiceNow over its emulator runs the same fixture).</summary>
public sealed class InMemoryOrderSourceContractTests : OrderSourceContract
{
    protected override Task<IOrderSource> CreateAsync(int count) => Task.FromResult<IOrderSource>(new InMemoryOrderSource(Some.PurchaseOrders(count)));

    protected override Task<IOrderSource> CreateUnreadableAsync() => Task.FromResult<IOrderSource>(
        new InMemoryOrderSource(Some.PurchaseOrders(2)) { Failure = new SyncException(FailureKind.Configuration, "the source refused the credentials") });
}
