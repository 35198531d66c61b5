using System.Collections.Concurrent;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// The schedule kept in process memory (answers stored packed), lost when the process ends: for tests and the week
/// bench. The service keeps its schedule in the activity log file (<c>SqliteCheckSchedule</c>).
/// </summary>
public sealed class InMemoryCheckSchedule : ICheckSchedule
{
    readonly ConcurrentDictionary<string, (CheckState State, byte[]? Answer)> _entries = new(StringComparer.Ordinal);

    long _linesSearchedFrom = long.MinValue;

    public int Count => _entries.Count;

    /// <summary>Bytes held for stored answers (the bench reports it).</summary>
    public long AnswerBytes => _entries.Values.Sum(e => (long)(e.Answer?.Length ?? 0));

    public Task<IReadOnlyDictionary<string, CheckState>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, CheckState>>(_entries.ToDictionary(e => e.Key, e => e.Value.State, StringComparer.Ordinal));

    public Task<OrderStatus?> GetLastAnswerAsync(string poSysId, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(poSysId, out var entry) && entry.Answer is { } packed ? StoredAnswer.Unpack(packed) : null);

    public Task<StoredAnswers> GetLastAnswersAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, OrderStatus>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sysId in poSysIds)
        {
            if (!_entries.TryGetValue(sysId, out var entry) || entry.Answer is not { } packed)
                continue;
            try
            {
                answers[sysId] = StoredAnswer.Unpack(packed);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or Newtonsoft.Json.JsonException)
            {
                unreadable[sysId] = e.Message; // as the contract says: listed, and the others still read
            }
        }
        return Task.FromResult(new StoredAnswers(answers, unreadable));
    }

    public Task ForgetAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        foreach (var sysId in poSysIds)
            _entries.TryRemove(sysId, out _);
        return Task.CompletedTask;
    }

    public Task MarkChangedAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        foreach (var sysId in poSysIds)
            while (_entries.TryGetValue(sysId, out var entry)
                   && !_entries.TryUpdate(sysId, (entry.State with { FieldsHash = FieldsHash.ChangedMark }, entry.Answer), entry))
            {
            }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetLinesSearchedFromAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Read(ref _linesSearchedFrom) is var ticks and not long.MinValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null);

    public Task SetLinesSearchedFromAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _linesSearchedFrom, at.UtcTicks);
        return Task.CompletedTask;
    }

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

    static CheckState ToState(CheckRecord record, CheckState? old) => new()
    {
        PoSysId = record.PoSysId,
        PoNumber = record.PoNumber,
        NextCheckAt = record.NextCheckAt,
        LastCheckedAt = record.Asked ? record.At : old?.LastCheckedAt,
        FieldsHash = record.FieldsHash,
        LinesHash = record.LinesHash,
        RulesVersion = record.RulesVersion,
        ConsecutiveFailures = record.ConsecutiveFailures,
        LastState = record.State ?? old?.LastState,
        HasAnswer = record.Answer is not null || old?.HasAnswer == true,
    };
}
