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

    /// <summary>The metrics listener; its last answer per remote system shows on the status strip.</summary>
    public MetricsCollector? Collector { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    long _openFailures;
    long _openFailuresAt = long.MinValue;

    /// <summary>How long the open-failure count on the status strip and in the metrics may be reused. Default 5 s.</summary>
    public TimeSpan CountFreshness { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The open-failure count, reused for <see cref="CountFreshness"/>: every page and scrape shows it, and counting
    /// takes one pass over the failed events.
    /// </summary>
    public async Task<long> OpenFailureCountAsync(CancellationToken ct)
    {
        var now = Time.GetTimestamp();
        if (Volatile.Read(ref _openFailuresAt) != long.MinValue && Time.GetElapsedTime(Volatile.Read(ref _openFailuresAt), now) < CountFreshness)
            return Volatile.Read(ref _openFailures);
        var count = await Queries.OpenFailureCountAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _openFailures, count);
        Volatile.Write(ref _openFailuresAt, now);
        return count;
    }

    /// <summary>Rows per page of every list.</summary>
    public const int PageSize = 50;

    /// <summary>The most POs one "retry all open failures" action takes.</summary>
    public const int RetryCap = 500;
}
