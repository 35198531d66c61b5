using System.Collections.Concurrent;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>The shared state of one emulated instance: data, clock, counters, consumed faults, the write journal.</summary>
sealed class InstanceState
{
    readonly ConcurrentQueue<ServiceNowCommittedWrite> _writes = new();
    readonly ConcurrentDictionary<string, bool> _cancelledSysIds = new(StringComparer.Ordinal);
    int _writeCount;
    int _unavailableWrites;
    int _unavailableRequests;
    int _cancelledBatches;

    readonly System.Collections.Concurrent.ConcurrentDictionary<ServiceNowHumanEdit, bool> _humanEditsDone = new();
    int _echoCredentials;

    public InstanceState(ServiceNowScenario scenario, EmulatorClock clock)
    {
        Scenario = scenario;
        Clock = clock;
        Store = new TableStore(scenario.Tables);
        Hibernating = scenario.Hibernating;
    }

    public ServiceNowScenario Scenario { get; }

    public EmulatorClock Clock { get; }

    public TableStore Store { get; }

    public ServiceNowEmulatorStats Stats { get; } = new();

    public volatile bool Hibernating;

    public IReadOnlyList<ServiceNowCommittedWrite> Writes => _writes.ToArray();

    public void RecordWrite(ServiceNowCommittedWrite write) => _writes.Enqueue(write);

    public bool IsReadOnly(string table, string field) =>
        field is "status" or "number" || field.StartsWith("sys_", StringComparison.Ordinal)
        || Scenario.ReadOnlyFields.Contains(field) || Scenario.ReadOnlyFields.Contains(table + "." + field);

    public bool Denied(string table, string? field, string operation) => Scenario.Acl.Any(a =>
        a.Table == table && string.Equals(a.Operation, operation, StringComparison.OrdinalIgnoreCase)
        && (a.Field is null || a.Field == field));

    public bool TableDenied(string table, string operation) => Scenario.Acl.Any(a =>
        a.Table == table && a.Field is null && string.Equals(a.Operation, operation, StringComparison.OrdinalIgnoreCase));

    public bool TakeEchoCredentials() => Interlocked.Increment(ref _echoCredentials) <= Scenario.Faults.EchoCredentialsFirstRequests;

    /// <summary>Applies (once) the human edits waiting for the first list read of <paramref name="table"/>.</summary>
    public void AfterListRead(string table)
    {
        foreach (var edit in Scenario.Faults.HumanEdits.Where(e => e.Table == table))
        {
            if (!_humanEditsDone.TryAdd(edit, true))
                continue;
            var current = Store.Get(table, edit.SysId)?.GetValueOrDefault(edit.Field) ?? "";
            Store.Patch(table, edit.SysId, new Dictionary<string, string> { [edit.Field] = current.Length == 0 ? edit.Text : current + "\n" + edit.Text },
                _ => false, Clock.Now);
        }
    }

    public bool TakeUnavailableRequest() => Interlocked.Increment(ref _unavailableRequests) <= Scenario.Faults.UnavailableFirstRequests;

    public bool TakeUnavailableWrite() => Interlocked.Increment(ref _unavailableWrites) <= Scenario.Faults.UnavailableFirstWrites;

    public bool TakeCancelledBatch() => Interlocked.Increment(ref _cancelledBatches) <= Scenario.Faults.CancelBatchAfterCommitFirstRequests;

    /// <summary>Whether this committed write should answer "Transaction cancelled" (each listed sys_id once, first K writes).</summary>
    public bool TakeCancelAfterCommit(string sysId)
    {
        var n = Interlocked.Increment(ref _writeCount);
        if (n <= Scenario.Faults.CancelAfterCommitFirstWrites)
            return true;
        return Scenario.Faults.CancelAfterCommitSysIds.Contains(sysId) && _cancelledSysIds.TryAdd(sysId, true);
    }
}
