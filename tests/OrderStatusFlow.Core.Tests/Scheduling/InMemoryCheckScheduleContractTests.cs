using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Core.Tests.Scheduling;

/// <summary>The in-memory schedule keeps the schedule's contract (the SQLite file runs the same fixture).</summary>
public sealed class InMemoryCheckScheduleContractTests : CheckScheduleContract
{
    protected override Task<ICheckSchedule> CreateAsync() => Task.FromResult<ICheckSchedule>(new InMemoryCheckSchedule());
}
