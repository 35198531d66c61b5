using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Core.Tests.Seams;

/// <summary>The collecting fake keeps the record writer's contract (ServiceNow over its emulator runs the same fixture).</summary>
public sealed class CollectingRecordWriterContractTests : RecordWriterContract
{
    protected override Task<(IRecordWriter Writer, IOrderSource Source)> CreateAsync(int count)
    {
        var source = new InMemoryOrderSource(Some.PurchaseOrders(count));
        return Task.FromResult<(IRecordWriter, IOrderSource)>((new CollectingRecordWriter(source), source));
    }
}
