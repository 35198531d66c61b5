namespace OrderStatusFlow.Sqlite;

/// <summary>Tuning knobs of <see cref="SqliteActivityLog"/>; the defaults suit the service.</summary>
public sealed class SqliteActivityLogOptions
{
    /// <summary>
    /// Most events written in one transaction: the writer takes what is queued up to this many (a single larger call
    /// is still written whole, in one transaction). Default 1000.
    /// </summary>
    public int MaxEventsPerTransaction { get; init; } = 1000;

    /// <summary>Write requests that may wait for the writer before callers are held back. Default 1024.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>How long a write or read waits for a lock held by another connection. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the writer keeps retrying while the file cannot be written (locked by another writer past
    /// <see cref="BusyTimeout"/>, disk full, I/O error) before it fails the writes waiting for it. Meanwhile every
    /// caller waits, which holds the pipeline (and its writes to ServiceNow) back. Default 5 min.
    /// </summary>
    public TimeSpan UnavailableTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Told (once per outage, with the reason) when the writer starts waiting for the file. Default none.</summary>
    public Action<string>? OnUnavailable { get; init; }

    /// <summary>A passive WAL checkpoint runs after this many commits. Default 100.</summary>
    public int CheckpointEveryCommits { get; init; } = 100;

    /// <summary>A passive WAL checkpoint also runs after a commit when this long has passed since the last one. Default 1 min.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Size the WAL file is truncated back to after a checkpoint (<c>journal_size_limit</c>). Default 4 MiB.</summary>
    public long JournalSizeLimitBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Page cache of the writer connection in KiB (<c>cache_size</c>). Default 32 MiB: the per-PO indexes are written
    /// in PO order, not insertion order, so a larger cache saves re-reading their pages on every transaction.
    /// </summary>
    public int WriterCacheKiB { get; init; } = 32 * 1024;

    /// <summary>
    /// Retention deletes in steps sized to hold the write lock about this long (the batch halves above it and doubles
    /// well below it). Default 20 ms.
    /// </summary>
    public TimeSpan RetentionStepTarget { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Pause between two retention steps, so the writer and analysts get the lock. Default 20 ms.</summary>
    public TimeSpan RetentionPause { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Clock for the checkpoint interval and the retention cutoff. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxEventsPerTransaction < 1) problems.Add("MaxEventsPerTransaction must be at least 1");
        if (QueueCapacity < 1) problems.Add("QueueCapacity must be at least 1");
        if (BusyTimeout < TimeSpan.Zero) problems.Add("BusyTimeout must not be negative");
        if (UnavailableTimeout < TimeSpan.Zero) problems.Add("UnavailableTimeout must not be negative");
        if (CheckpointEveryCommits < 1) problems.Add("CheckpointEveryCommits must be at least 1");
        if (CheckpointInterval <= TimeSpan.Zero) problems.Add("CheckpointInterval must be positive");
        if (WriterCacheKiB < 0) problems.Add("WriterCacheKiB must not be negative");
        if (RetentionStepTarget <= TimeSpan.Zero) problems.Add("RetentionStepTarget must be positive");
        if (RetentionPause < TimeSpan.Zero) problems.Add("RetentionPause must not be negative");
        if (JournalSizeLimitBytes < 0) problems.Add("JournalSizeLimitBytes must not be negative");
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SqliteActivityLogOptions: " + string.Join("; ", problems) + ".");
        }
    }
}
