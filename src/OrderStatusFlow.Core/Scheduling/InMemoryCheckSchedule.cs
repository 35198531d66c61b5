using System.Collections.Concurrent;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// The schedule kept in process memory (answers stored packed): for tests, the week bench, and the service until the
/// activity log's <c>po_state</c> table keeps it across restarts.
/// </summary>
public sealed class InMemoryCheckSchedule : ICheckSchedule
{
    readonly ConcurrentDictionary<string, (CheckState State, byte[]? Answer)> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>Bytes held for stored answers (the bench reports it).</summary>
    public long AnswerBytes => _entries.Values.Sum(e => (long)(e.Answer?.Length ?? 0));

    public Task<IReadOnlyDictionary<string, CheckState>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, CheckState>>(_entries.ToDictionary(e => e.Key, e => e.Value.State, StringComparer.Ordinal));

    public Task<OrderStatus?> GetLastAnswerAsync(string poSysId, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(poSysId, out var entry) && entry.Answer is { } packed ? StoredAnswer.Unpack(packed) : null);

    public Task RecordAsync(IReadOnlyList<CheckRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            _entries.AddOrUpdate(record.PoSysId,
                _ => (ToState(record, null), record.Answer is { } a ? StoredAnswer.Pack(a) : null),
                (_, old) =>
                {
                    var answer = record.Answer is { } fresh ? StoredAnswer.Pack(fresh) : old.Answer;
                    return (ToState(record, old.State) with { HasAnswer = answer is not null }, answer);
                });
        }
        return Task.CompletedTask;
    }

    /// <summary>Forgets a PO (it left the open set).</summary>
    public void Remove(string poSysId) => _entries.TryRemove(poSysId, out _);

    static CheckState ToState(CheckRecord record, CheckState? old) => new()
    {
        PoSysId = record.PoSysId,
        PoNumber = record.PoNumber,
        NextCheckAt = record.NextCheckAt,
        LastCheckedAt = record.Asked ? record.At : old?.LastCheckedAt,
        FieldsHash = record.FieldsHash,
        RulesVersion = record.RulesVersion,
        ConsecutiveFailures = record.ConsecutiveFailures,
        LastState = record.State ?? old?.LastState,
        HasAnswer = record.Answer is not null || old?.HasAnswer == true,
    };
}
