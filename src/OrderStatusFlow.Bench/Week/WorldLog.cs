using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>The activity log of the week: what it records tells the world which answers ServiceNow now holds.</summary>
internal sealed class WorldLog(SimulatedWorld world) : IActivityLog
{
    long _runs;

    public long Failed { get; private set; }

    public Task<long> StartRunAsync(RunStart run, CancellationToken cancellationToken) => Task.FromResult(Interlocked.Increment(ref _runs));

    public Task RecordEventsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (entry.Outcome is SyncOutcome.Updated or SyncOutcome.Unchanged)
                world.Held(entry.PoSysId, entry.At);
            else if (entry.Outcome == SyncOutcome.Failed)
                Failed++;
        }
        return Task.CompletedTask;
    }

    public Task FinishRunAsync(RunSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordRuleLoadAsync(RuleLoadEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

    public void ScheduleRetention(TimeSpan retention)
    {
        // nothing is kept, so nothing to remove
    }

    // The simulated week never stops mid-cycle, so no intent stays open and no run is left unfinished.
    public Task RecordIntentsAsync(IReadOnlyList<WriteIntent> intents, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<WriteIntent>> GetOpenIntentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WriteIntent>>([]);

    public Task<int> CloseInterruptedRunsAsync(DateTimeOffset at, string error, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<IReadOnlyDictionary<string, int>> GetNotFoundStreaksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}
