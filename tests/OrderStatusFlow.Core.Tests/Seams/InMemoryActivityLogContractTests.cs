using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Core.Tests.Seams;

/// <summary>The in-memory fake keeps the activity log's contract (the SQLite file runs the same fixture).</summary>
public sealed class InMemoryActivityLogContractTests : ActivityLogContract
{
    protected override Task<IActivityLog> CreateAsync() => Task.FromResult<IActivityLog>(new InMemoryActivityLog());
}
