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
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Rows per page of every list.</summary>
    public const int PageSize = 50;

    /// <summary>The most POs one "retry all open failures" action takes.</summary>
    public const int RetryCap = 500;
}
