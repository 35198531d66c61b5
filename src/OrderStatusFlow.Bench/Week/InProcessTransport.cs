using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// Both systems simulated in process: the world's source, status provider and writer stand in for the ServiceNow and
/// TD SYNNEX clients, and count the requests the real clients would make (docs/benchmark-week.md).
/// </summary>
internal sealed class InProcessTransport : IWeekTransport
{
    public InProcessTransport(SimulatedWorld world, PipelineDefinition definition, IRuleSetProvider rules)
    {
        World = world;
        Definition = definition;
        Seams = new PipelineSeams(new WorldSource(world), new WorldStatusProvider(world), rules, new WorldWriter(world, definition.StageFor(StageRole.Writer).Parallelism));
        Log = new WorldLog(world);
    }

    public string Name => "in-process";

    public SimulatedWorld World { get; }

    public PipelineDefinition Definition { get; }

    public PipelineSeams Seams { get; }

    public WorldLog Log { get; }

    public Task RestartAsync() => Task.CompletedTask;

    public Task BeforeCycleAsync(DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask; // the source admits arrivals as it reads

    public Task AfterCycleAsync(DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask; // the seams counted as they went

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
