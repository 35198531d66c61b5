using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// Read-only questions for the console and <c>./run.sh log</c>: last runs, open failures (<c>v_open_failures</c>),
/// one PO's state (<c>po_state</c>) and history, the file's retention and size (<see cref="InfoAsync"/>), and a
/// streaming event export. Every call opens its own read-only connection, so it works while the service writes, and
/// none holds a read transaction longer than the call (an export holds one while it streams).
/// </summary>
public sealed class ActivityLogQueries
{
    private static readonly TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);

    private ActivityLogQueries(string path) => Path = path;

    public string Path { get; }

    /// <summary>Points at an existing log file; throws <see cref="FileNotFoundException"/> with a hint when missing.</summary>
    public static ActivityLogQueries Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"No Sync Activity Log at '{fullPath}'. Run the pipeline once (./run.sh run --once) or pass --db FILE.",
                fullPath);
        }

        return new ActivityLogQueries(fullPath);
    }

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public Task<IReadOnlyList<RunRow>> LastRunsAsync(int count = 20, CancellationToken cancellationToken = default) =>
        QueryAsync<RunRow>(QueriesSql.LastRuns, new { Count = Positive(count) }, cancellationToken);

    /// <summary>POs whose last outcome is failed, most recent failure first (view <c>v_open_failures</c>).</summary>
    public Task<IReadOnlyList<OpenFailureRow>> OpenFailuresAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        QueryAsync<OpenFailureRow>(QueriesSql.OpenFailures, new { Limit = Positive(limit) }, cancellationToken);

    /// <summary>
    /// One page of open failures, most recent failure first, after the row <paramref name="after"/> names (a
    /// <see cref="OpenFailureCursor"/> of the previous page's last row; null for the first page).
    /// <paramref name="text"/> keeps POs whose number or error contains it (case-insensitive).
    /// </summary>
    public Task<IReadOnlyList<OpenFailureRow>> OpenFailuresAsync(string? text, string? after, int limit, CancellationToken cancellationToken = default)
    {
        var (afterAt, afterPo) = after is { } a && a.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? (a[..bar], a[(bar + 1)..]) : ((string?)null, "");
        return QueryAsync<OpenFailureRow>(QueriesSql.OpenFailuresPage,
            new { Text = Lower(text), AfterAt = afterAt, AfterPo = afterPo, Limit = Positive(limit) }, cancellationToken);
    }

    /// <summary>The paging cursor that <see cref="OpenFailuresAsync(string?, string?, int, CancellationToken)"/> continues after.</summary>
    public static string OpenFailureCursor(OpenFailureRow row) => $"{row.At}|{row.PoNumber}";

    /// <summary>How many POs fail now (last outcome failed).</summary>
    public async Task<long> OpenFailureCountAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<long>(QueriesSql.OpenFailureCount, new { }, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// POs that failed and whose last outcome is no longer failed: their last failure and when the next event came,
    /// newest failure first, with failure event ids below <paramref name="before"/> (keyset paging).
    /// </summary>
    public Task<IReadOnlyList<ResolvedFailureRow>> ResolvedFailuresAsync(string? text, long before, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync<ResolvedFailureRow>(QueriesSql.ResolvedFailures, new { Text = Lower(text), Before = before, Limit = Positive(limit) }, cancellationToken);

    /// <summary>Every event of the PO with this number, oldest first.</summary>
    public Task<IReadOnlyList<PoEventRow>> PoHistoryAsync(string poNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poNumber);
        return QueryAsync<PoEventRow>(QueriesSql.PoHistory, new { PoNumber = poNumber }, cancellationToken);
    }

    /// <summary>The PO's <c>po_state</c> row; null when the log has never seen that PO number.</summary>
    public async Task<PoStateRow?> PoStateAsync(string poNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poNumber);
        var rows = await QueryAsync<PoStateRow>(QueriesSql.PoState, new { PoNumber = poNumber }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Schema version, retention in force, oldest rows kept, row counts and file size.</summary>
    public async Task<ActivityLogInfo> InfoAsync(CancellationToken cancellationToken = default)
    {
        var info = (await QueryAsync<ActivityLogInfo>(QueriesSql.Info, new { }, cancellationToken).ConfigureAwait(false))[0];
        var pragmas = await QueryAsync<(long Version, long PageSize, long FreePages, long AutoVacuum)>(
            "SELECT * FROM pragma_user_version, pragma_page_size, pragma_freelist_count, pragma_auto_vacuum;", new { }, cancellationToken).ConfigureAwait(false);
        var p = pragmas[0];
        return info with
        {
            SchemaVersion = p.Version, PageSize = p.PageSize, FreePages = p.FreePages,
            AutoVacuum = p.AutoVacuum switch { 0 => "none", 1 => "full", 2 => "incremental", _ => p.AutoVacuum.ToString(CultureInfo.InvariantCulture) },
            FileBytes = new FileInfo(Path).Length,
        };
    }

    /// <summary>
    /// Streams the events that match <paramref name="filter"/>, oldest first, one row at a time (memory does not grow
    /// with the number of rows). The read connection stays open until the enumeration ends.
    /// </summary>
    public IAsyncEnumerable<PoEventRow> ExportEventsAsync(EventExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventExport.StreamAsync(Path, _busyTimeout, filter, cancellationToken);
    }

    public static string FormatInfo(ActivityLogInfo info) => InfoText.Format(info);

    public static string FormatRuns(IReadOnlyList<RunRow> rows) => TextTable.Format(
        ["run", "pipeline", "started", "secs", "seen", "updated", "unchanged", "skipped", "failed", "writes", "rules", "dry", "error"],
        rows.Select(r => new[]
        {
            Text(r.RunId), r.Pipeline, r.StartedAt,
            r.DurationSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? (r.FinishedAt is null ? "running" : ""),
            Text(r.OrdersSeen), Text(r.OrdersUpdated), Text(r.OrdersUnchanged), Text(r.OrdersSkipped), Text(r.OrdersFailed), Text(r.Writes), r.RulesVersion,
            r.DryRun ? "yes" : "", r.Error,
        }));

    public static string FormatFailures(IReadOnlyList<OpenFailureRow> rows) => TextTable.Format(
        ["po", "failing since", "last failed", "run", "in a row", "tds", "error"],
        rows.Select(r => new[] { r.PoNumber, r.FailingSince, r.At, Text(r.RunId), Text(r.ConsecutiveFailures), r.TdsStatus, r.Error }),
        maxCellWidth: 100);

    public static string FormatHistory(IReadOnlyList<PoEventRow> rows) => TextTable.Format(
        ["event", "run", "at", "outcome", "tds", "before", "after", "fields", "error / detail"],
        rows.Select(r => new[]
        {
            Text(r.EventId), Text(r.RunId), r.At, r.Outcome, r.TdsStatus, r.PreviousStatus, r.NewStatus, r.FieldsJson,
            r.Error ?? r.Detail,
        }));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(Path, _busyTimeout);
            var rows = await connection.QueryAsync<T>(
                new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.AsList();
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(Path, e);
        }
    }

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");

    private static string? Lower(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
