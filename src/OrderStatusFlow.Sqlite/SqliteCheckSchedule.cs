using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Sqlite.Writing;

namespace OrderStatusFlow.Sqlite;

/// <summary>
/// The polling schedule kept in the Sync Activity Log file, so a restart picks up where the last process stopped
/// instead of checking every open PO again: <c>po_state.next_check_at</c> (ISO-8601 UTC, what the console and
/// analysts read) and the scheduler's other columns there, the packed last TD SYNNEX answer in <c>po_answers</c>.
/// </summary>
/// <remarks>
/// Writes go through the log's single writer (same queue, same transactions as the events), so there is no second
/// connection competing for the write lock. Reads use their own read-only connection. A file that cannot be read or
/// written throws <see cref="SyncException"/>; an answer that cannot be unpacked throws
/// <see cref="InvalidDataException"/> naming the PO. The log must outlive this object.
/// </remarks>
public sealed class SqliteCheckSchedule : ICheckSchedule
{
    private const string LoadSql = """
        SELECT s.po_sys_id AS PoSysId, s.po_number AS PoNumber, s.next_check_at AS NextCheckAt, s.tds_asked_at AS AskedAt,
               s.fields_hash AS FieldsHash, s.rules_version AS RulesVersion, s.check_failures AS Failures,
               s.answer_state AS AnswerState, s.lines_hash AS LinesHash, a.po_sys_id IS NOT NULL AS HasAnswer
        FROM po_state AS s LEFT JOIN po_answers AS a ON a.po_sys_id = s.po_sys_id
        WHERE s.fields_hash IS NOT NULL;
        """;

    // Bound parameters per bulk answer query: well under SQLite's default limit of 32,766.
    private const int AnswerChunk = 500;

    private const string LinesSearchedFromMark = "lines_searched_from";

    private readonly SqliteActivityLog _log;

    public SqliteCheckSchedule(SqliteActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    public async Task<IReadOnlyDictionary<string, CheckState>> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(_log.Path, _log.Options.BusyTimeout);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(LoadSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.ToDictionary(r => r.PoSysId, ToState, StringComparer.Ordinal);
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(_log.Path, e);
        }
    }

    public async Task<OrderStatus?> GetLastAnswerAsync(string poSysId, CancellationToken cancellationToken)
    {
        byte[]? packed;
        try
        {
            await using var connection = SqliteConnections.OpenReader(_log.Path, _log.Options.BusyTimeout);
            packed = await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
                "SELECT answer FROM po_answers WHERE po_sys_id = @poSysId;", new { poSysId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(_log.Path, e);
        }

        return packed is null ? null : Unpack(poSysId, packed);
    }

    /// <summary>One read-only connection, one query per <see cref="AnswerChunk"/> POs.</summary>
    public async Task<StoredAnswers> GetLastAnswersAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poSysIds);
        if (poSysIds.Count == 0)
        {
            return StoredAnswers.None;
        }

        var answers = new Dictionary<string, OrderStatus>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var connection = SqliteConnections.OpenReader(_log.Path, _log.Options.BusyTimeout);
            foreach (var chunk in poSysIds.Distinct(StringComparer.Ordinal).Chunk(AnswerChunk))
            {
                var rows = await connection.QueryAsync<(string SysId, byte[] Answer)>(new CommandDefinition(
                    "SELECT po_sys_id, answer FROM po_answers WHERE po_sys_id IN @chunk;", new { chunk }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var (sysId, packed) in rows)
                {
                    try
                    {
                        answers[sysId] = Unpack(sysId, packed);
                    }
                    catch (InvalidDataException e)
                    {
                        unreadable[sysId] = e.Message;
                    }
                }
            }
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(_log.Path, e);
        }

        return new StoredAnswers(answers, unreadable);
    }

    public Task ForgetAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poSysIds);
        return poSysIds.Count == 0 ? Task.CompletedTask : _log.Writer.EnqueueAsync(new ForgetChecksRequest([.. poSysIds]), cancellationToken);
    }

    public Task MarkChangedAsync(IReadOnlyCollection<string> poSysIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poSysIds);
        return poSysIds.Count == 0 ? Task.CompletedTask : _log.Writer.EnqueueAsync(new MarkChangedRequest([.. poSysIds]), cancellationToken);
    }

    public async Task<DateTimeOffset?> GetLinesSearchedFromAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(_log.Path, _log.Options.BusyTimeout);
            var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT at FROM schedule_marks WHERE name = @name;", new { name = LinesSearchedFromMark }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return text is null ? null : ActivityLogTimestamps.Parse(text);
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(_log.Path, e);
        }
    }

    public Task SetLinesSearchedFromAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        _log.Writer.EnqueueAsync(new SetScheduleMarkRequest(LinesSearchedFromMark, at), cancellationToken);

    public Task RecordAsync(IReadOnlyList<CheckRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Packing is CPU work: done here, on the caller's thread, not on the single writer's.
        var checks = records.Select(r => (r, r.Answer is { } answer ? StoredAnswer.Pack(answer) : null)).ToArray();
        return _log.Writer.EnqueueAsync(new RecordChecksRequest(checks), cancellationToken);
    }

    private OrderStatus Unpack(string poSysId, byte[] packed)
    {
        try
        {
            return StoredAnswer.Unpack(packed);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Newtonsoft.Json.JsonException)
        {
            throw new InvalidDataException(
                $"The stored TD SYNNEX answer of PO sys_id '{poSysId}' in '{_log.Path}' (po_answers) cannot be read: {e.Message}. " +
                "It is replaced by the next TD SYNNEX answer for the PO.", e);
        }
    }

    private static CheckState ToState(Row row) => new()
    {
        PoSysId = row.PoSysId,
        PoNumber = row.PoNumber,
        NextCheckAt = row.NextCheckAt is { } next ? ActivityLogTimestamps.Parse(next) : null,
        LastCheckedAt = row.AskedAt is { } asked ? ActivityLogTimestamps.Parse(asked) : null,
        FieldsHash = row.FieldsHash,
        LinesHash = row.LinesHash ?? "",
        RulesVersion = row.RulesVersion,
        ConsecutiveFailures = checked((int)row.Failures),
        LastState = Enum.TryParse<PoState>(row.AnswerState, ignoreCase: false, out var state) ? state : null,
        HasAnswer = row.HasAnswer != 0,
    };

    private sealed class Row
    {
        public string PoSysId { get; init; } = "";

        public string PoNumber { get; init; } = "";

        public string? NextCheckAt { get; init; }

        public string? AskedAt { get; init; }

        public string FieldsHash { get; init; } = "";

        public string? RulesVersion { get; init; }

        public string? LinesHash { get; init; }

        public long Failures { get; init; }

        public string? AnswerState { get; init; }

        public long HasAnswer { get; init; }
    }
}
