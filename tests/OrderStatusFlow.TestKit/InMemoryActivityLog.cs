using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit;

/// <summary>The activity log in memory: runs, events and rule loads in the order recorded.</summary>
public sealed class InMemoryActivityLog : IActivityLog
{
    readonly Lock _lock = new();
    readonly List<(long RunId, RunStart Start)> _starts = [];
    readonly List<RunSummary> _summaries = [];
    readonly List<ActivityEntry> _events = [];
    readonly List<int> _eventCallSizes = [];
    readonly List<RuleLoadEntry> _ruleLoads = [];
    readonly List<WriteIntent> _intents = [];
    readonly List<TimeSpan> _retentions = [];

    /// <summary>Thrown by <see cref="RecordEventsAsync"/> when set (disk full).</summary>
    public Exception? RecordFailure { get; set; }

    /// <summary>Intents recorded and not yet settled by an event.</summary>
    public IReadOnlyList<WriteIntent> OpenIntents { get { lock (_lock) return _intents.ToList(); } }

    public IReadOnlyList<ActivityEntry> Events { get { lock (_lock) return _events.ToList(); } }

    public IReadOnlyList<RunSummary> Summaries { get { lock (_lock) return _summaries.ToList(); } }

    public IReadOnlyList<RunStart> Starts { get { lock (_lock) return _starts.Select(s => s.Start).ToList(); } }

    public IReadOnlyList<RuleLoadEntry> RuleLoads { get { lock (_lock) return _ruleLoads.ToList(); } }

    /// <summary>How many entries each <see cref="RecordEventsAsync"/> call carried.</summary>
    public IReadOnlyList<int> EventCallSizes { get { lock (_lock) return _eventCallSizes.ToList(); } }

    public IReadOnlyList<ActivityEntry> EventsOf(long runId) => Events.Where(e => e.RunId == runId).ToList();

    public ActivityEntry Event(long runId, string poNumber) => EventsOf(runId).Single(e => e.PoNumber == poNumber);

    public Task<long> StartRunAsync(RunStart run, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var id = _starts.Count + 1L;
            _starts.Add((id, run));
            return Task.FromResult(id);
        }
    }

    public Task RecordEventsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        if (RecordFailure is { } failure)
            throw failure;
        lock (_lock)
        {
            _intents.RemoveAll(i => entries.Any(e => e.RunId == i.RunId && e.PoSysId == i.Update.PoSysId));
            _events.AddRange(entries);
            _eventCallSizes.Add(entries.Count);
        }
        return Task.CompletedTask;
    }

    public Task RecordIntentsAsync(IReadOnlyList<WriteIntent> intents, CancellationToken cancellationToken)
    {
        if (RecordFailure is { } failure)
            throw failure;
        lock (_lock)
            _intents.AddRange(intents);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WriteIntent>> GetOpenIntentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(OpenIntents);

    public Task<int> CloseInterruptedRunsAsync(DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var open = _starts.Where(s => _summaries.All(f => f.RunId != s.RunId)).ToList();
            foreach (var (runId, _) in open)
                _summaries.Add(new RunSummary { RunId = runId, FinishedAt = at, Error = error });
            return Task.FromResult(open.Count);
        }
    }

    public Task FinishRunAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        lock (_lock)
            _summaries.Add(summary);
        return Task.CompletedTask;
    }

    public Task RecordRuleLoadAsync(RuleLoadEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
            _ruleLoads.Add(entry);
        return Task.CompletedTask;
    }

    /// <summary>Every retention asked for with <see cref="ScheduleRetention"/>, in order.</summary>
    public IReadOnlyList<TimeSpan> RetentionRequests { get { lock (_lock) return _retentions.ToList(); } }

    public void ScheduleRetention(TimeSpan retention)
    {
        lock (_lock)
            _retentions.Add(retention);
    }

    public Task<IReadOnlyDictionary<string, int>> GetNotFoundStreaksAsync(CancellationToken cancellationToken)
    {
        var streaks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in Events.GroupBy(e => e.PoSysId))
        {
            var streak = 0;
            foreach (var entry in group.Reverse())
            {
                if (!string.Equals(entry.TdsStatus, "notFound", StringComparison.OrdinalIgnoreCase)
                    || entry.Outcome is not (SyncOutcome.Skipped or SyncOutcome.Failed))
                    break;
                streak++;
            }
            if (streak > 0)
                streaks[group.Key] = streak;
        }
        return Task.FromResult<IReadOnlyDictionary<string, int>>(streaks);
    }
}
