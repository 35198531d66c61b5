namespace OrderStatusFlow.Sqlite.Retention;

/// <summary>What one retention pass removed, and the longest time one of its steps held the write lock.</summary>
public sealed record RetentionResult
{
    /// <summary>Rows older than this (ISO-8601 UTC) were removed.</summary>
    public required string Cutoff { get; init; }

    public long RunsDeleted { get; init; }
    public long EventsDeleted { get; init; }
    public long RuleLoadsDeleted { get; init; }

    /// <summary>Pages given back to the file system by incremental vacuum.</summary>
    public long PagesFreed { get; init; }

    /// <summary>Write transactions the pass used (deletes and vacuum steps).</summary>
    public int Steps { get; init; }

    /// <summary>The longest a single step held the write lock (from BEGIN IMMEDIATE to COMMIT).</summary>
    public TimeSpan LongestLockHold { get; init; }

    /// <summary>What the longest step did: <c>events</c>, <c>runs</c>, <c>rule loads</c>, <c>vacuum</c> or <c>meta</c>.</summary>
    public string LongestStep { get; init; } = "";

    /// <summary>How long each step held the write lock, in order.</summary>
    public IReadOnlyList<TimeSpan> LockHolds { get; init; } = [];

    /// <summary>False when the pass was skipped because another one was still running.</summary>
    public bool Ran { get; init; } = true;
}
