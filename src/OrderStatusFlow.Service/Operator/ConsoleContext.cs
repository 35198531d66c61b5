using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Service.Operator;

/// <summary>What every console route reads: the running service, the activity log, the options.</summary>
sealed class ConsoleContext
{
    public required SyncService Service { get; init; }
    public required ConsoleQueries Queries { get; init; }
    public required OperatorActionLog Actions { get; init; }
    public required ConsoleOptions Options { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    ActivityLogQueries? _log;

    /// <summary>
    /// The log's query API over <c>po_state</c> (open failures, a PO's state, retention). Opened on first use: the
    /// service creates the file before its first cycle.
    /// </summary>
    public ActivityLogQueries Log => _log ??= ActivityLogQueries.Open(Queries.Path);

    /// <summary>The metrics listener; its last answer per remote system shows on the status strip.</summary>
    public MetricsCollector? Collector { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    long _openFailures;
    long _openFailuresAt = long.MinValue;

    /// <summary>How long the open-failure count on the status strip and in the metrics may be reused. Default 5 s.</summary>
    public TimeSpan CountFreshness { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The open-failure count, reused for <see cref="CountFreshness"/>: every page and scrape shows it, and counting
    /// reads the index of failing POs in <c>po_state</c>.
    /// </summary>
    public async Task<long> OpenFailureCountAsync(CancellationToken ct)
    {
        var now = Time.GetTimestamp();
        if (Volatile.Read(ref _openFailuresAt) != long.MinValue && Time.GetElapsedTime(Volatile.Read(ref _openFailuresAt), now) < CountFreshness)
            return Volatile.Read(ref _openFailures);
        var count = await Log.OpenFailureCountAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _openFailures, count);
        Volatile.Write(ref _openFailuresAt, now);
        return count;
    }

    ActivityLogInfo? _info;
    long _infoAt = long.MinValue;

    /// <summary>
    /// The log's retention in force and oldest rows kept (<see cref="ActivityLogQueries.InfoAsync"/>), reused for a
    /// minute: it counts every event, and it only changes when a retention pass runs.
    /// </summary>
    public async Task<ActivityLogInfo> LogInfoAsync(CancellationToken ct)
    {
        var now = Time.GetTimestamp();
        if (Volatile.Read(ref _info) is { } cached && Time.GetElapsedTime(Volatile.Read(ref _infoAt), now) < TimeSpan.FromMinutes(1))
            return cached;
        var info = await Log.InfoAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _infoAt, now);
        Volatile.Write(ref _info, info);
        return info;
    }

    /// <summary>
    /// How many times a rule evaluation killed the rules process since the supervisor started (the POs it recorded as
    /// poisoned); 0 when not supervised. Replaceable for tests.
    /// </summary>
    public Func<int> RuleCrashCount { get; init; } = () => Rules.Isolation.RuleCrashGuard.Process?.PoisonedCount ?? 0;

    public int RuleProcessCrashes => RuleCrashCount();

    /// <summary>Rows per page of every list.</summary>
    public const int PageSize = 50;

    /// <summary>The most POs one "retry all open failures" action takes.</summary>
    public const int RetryCap = 500;
}
