using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// The activity log of the week: what it records tells the world which answers ServiceNow now holds. With
/// <paramref name="deferHeld"/> (HTTP mode) the news waits for <see cref="ReplayHeld"/>, after the world has learnt
/// from the emulator which POs TD SYNNEX answered in the cycle.
/// </summary>
internal sealed class WorldLog(SimulatedWorld world, bool deferHeld = false) : IActivityLog
{
    readonly List<(string PoSysId, DateTimeOffset At)> _held = [];
    long _runs;

    public long Failed { get; private set; }

    /// <summary>The error of the first failed PO event, to say why failures happened.</summary>
    public string? FirstError { get; private set; }

    public Task<long> StartRunAsync(RunStart run, CancellationToken cancellationToken) => Task.FromResult(Interlocked.Increment(ref _runs));

    public Task RecordEventsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (entry.Outcome is SyncOutcome.Updated or SyncOutcome.Unchanged)
                Held(entry.PoSysId, entry.At);
            else if (entry.Outcome == SyncOutcome.Failed)
            {
                Failed++;
                FirstError ??= $"{entry.PoNumber} at {entry.At:u}: {entry.Error}";
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Hands the outcomes held back since the last call to the world.</summary>
    public void ReplayHeld()
    {
        List<(string PoSysId, DateTimeOffset At)> held;
        lock (_held)
        {
            held = [.. _held];
            _held.Clear();
        }
        foreach (var (poSysId, at) in held)
            world.Held(poSysId, at);
    }

    void Held(string poSysId, DateTimeOffset at)
    {
        if (!deferHeld)
        {
            world.Held(poSysId, at);
            return;
        }
        lock (_held)
            _held.Add((poSysId, at));
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
