using Dapper;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// The operator console's reads of the history: keyset pages of runs, a run's events, a PO's events, rule loads.
/// Failures and a PO's current state come from <see cref="ActivityLogQueries"/> (<c>po_state</c>).
/// Every call opens its own read-only connection, so pages load while the service writes.
/// </summary>
public sealed class ConsoleQueries(string path)
{
    static readonly TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Runs with <c>run_id &lt; before</c>, newest first.</summary>
    public Task<IReadOnlyList<RunRow>> RunsAsync(long before, int limit, CancellationToken ct) =>
        QueryAsync<RunRow>(ConsoleSql.Runs, new { Before = before, Limit = limit }, ct);

    public async Task<RunRow?> LastFinishedRunAsync(CancellationToken ct) =>
        (await QueryAsync<RunRow>(ConsoleSql.LastFinishedRun, new { }, ct).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<OutcomeCount>> RunOutcomeCountsAsync(long runId, CancellationToken ct) =>
        QueryAsync<OutcomeCount>(ConsoleSql.RunOutcomeCounts, new { RunId = runId }, ct);

    /// <summary>Events of one run with <c>event_id &gt; after</c>, oldest first; <paramref name="outcome"/> null for all.</summary>
    public Task<IReadOnlyList<PoEventRow>> RunEventsAsync(long runId, string? outcome, long after, int limit, CancellationToken ct) =>
        QueryAsync<PoEventRow>(ConsoleSql.RunEvents, new { RunId = runId, Outcome = outcome, After = after, Limit = limit }, ct);

    /// <summary>Events of one PO with <c>event_id &lt; before</c>, newest first.</summary>
    public Task<IReadOnlyList<PoEventRow>> PoEventsAsync(string poNumber, long before, int limit, CancellationToken ct) =>
        QueryAsync<PoEventRow>(ConsoleSql.PoEvents, new { PoNumber = poNumber, Before = before, Limit = limit }, ct);

    /// <summary>Up to 20 PO numbers that start with <paramref name="prefix"/>.</summary>
    public Task<IReadOnlyList<string>> PoNumbersStartingWithAsync(string prefix, CancellationToken ct) =>
        QueryAsync<string>(ConsoleSql.PoNumbersLike, new { Prefix = prefix, PrefixEnd = prefix + "\uFFFF" }, ct);

    public Task<IReadOnlyList<RuleLoadRow>> RuleLoadsAsync(long before, int limit, CancellationToken ct) =>
        QueryAsync<RuleLoadRow>(ConsoleSql.RuleLoads, new { Before = before, Limit = limit }, ct);

    public async Task<RuleLoadRow?> ActiveRuleLoadAsync(CancellationToken ct) =>
        (await QueryAsync<RuleLoadRow>(ConsoleSql.ActiveRuleLoad, new { }, ct).ConfigureAwait(false)).FirstOrDefault();

    async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters, CancellationToken ct)
    {
        try
        {
            await using var connection = SqliteConnections.OpenReader(Path, _busyTimeout);
            var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct)).ConfigureAwait(false);
            return rows.AsList();
        }
        catch (SqliteException e)
        {
            throw ActivityLogErrors.ReadFailed(Path, e);
        }
    }
}
