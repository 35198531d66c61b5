using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>A pipeline over TestKit fakes: in-memory POs, scripted statuses, a fixed rule set, a collecting writer.</summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(IEnumerable<PurchaseOrder> orders, string? json = null, bool dryRun = false, ICheckSchedule? schedule = null, int maxRequestsPerHour = 0,
        Func<InMemoryOrderSource, IOrderSource>? wrapSource = null)
    {
        Source = new InMemoryOrderSource(orders);
        Writer = new CollectingRecordWriter(Source);
        Stages = new FakeStages(Source, Status, Rules, Writer);
        Definition = new PipelineDefinitionLoader(Stages.Registry, _ => null).TryParse(json ?? FakeStages.PipelineJson(), "test.json") switch
        {
            { IsValid: true, Definition: { } d } => d,
            var r => throw new PipelineValidationException(r.Problems),
        };
        Budget = maxRequestsPerHour > 0 ? new RequestBudget(maxRequestsPerHour, Time) : null;
        Runner = new PipelineRunner(Definition, new PipelineSeams(wrapSource?.Invoke(Source) ?? Source, Status, Rules, Writer), Log,
            new PipelineRunOptions { DryRun = dryRun, TimeProvider = Time, Schedule = schedule, Budget = Budget });
    }

    public InMemoryOrderSource Source { get; }
    public ScriptedStatusProvider Status { get; } = new();
    public StaticRuleSetProvider Rules { get; } = new();
    public CollectingRecordWriter Writer { get; }
    public InMemoryActivityLog Log { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    public FakeStages Stages { get; }
    public PipelineDefinition Definition { get; }
    public PipelineRunner Runner { get; }
    public RequestBudget? Budget { get; }

    public Task<CycleResult> RunAsync(CycleRequest request) => Wait.ForAsync(Runner.RunCycleAsync(request, CancellationToken.None), "the cycle to finish");

    public Task<CycleResult> RunAsync(CancellationToken cancellationToken = default) =>
        Wait.ForAsync(Runner.RunCycleAsync(cancellationToken), "the cycle to finish");
}
