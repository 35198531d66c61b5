namespace OrderStatusFlow.Bench.ActivityLog;

/// <summary>What <c>bench log</c> simulates; the defaults are the reference workload of the README.</summary>
sealed record LogBenchSettings
{
    /// <summary>Open POs. Default 20,000.</summary>
    public int Pos { get; init; } = 20_000;

    /// <summary>Simulated days. Default 30.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Cycle interval in virtual time. Default 5 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of the POs whose status changes per day. Default 0.02.</summary>
    public double ChangesPerDay { get; init; } = 0.02;

    /// <summary>POs failing at any time (a new set each day). Default 10.</summary>
    public int Failing { get; init; } = 10;

    /// <summary>POs TD SYNNEX does not know (skipped every cycle). Default 5.</summary>
    public int NotFound { get; init; } = 5;

    /// <summary>
    /// Retention applied by the simulated service. Default 10 days, shorter than the product's 90 so the file's
    /// plateau shows within 30 simulated days; growth per day before it applies is the same.
    /// </summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(10);

    /// <summary>
    /// Shortcut: unchanged POs' po_state rows are upserted every Nth cycle instead of every cycle (1 = every cycle,
    /// the real load). Size is unaffected (rows are updated in place); the time of a full cycle is measured apart.
    /// Default 36 (every 3 hours).
    /// </summary>
    public int StateEvery { get; init; } = 36;

    /// <summary>Hours simulated with <c>recordUnchanged</c> true (its growth per day is extrapolated). Default 2.</summary>
    public int UnchangedHours { get; init; } = 2;

    /// <summary>POs for the v_latest_status timing. Default 100,000.</summary>
    public int LatestStatusPos { get; init; } = 100_000;

    /// <summary>Timed repetitions of each query (the median is reported). Default 7.</summary>
    public int QueryRuns { get; init; } = 7;

    /// <summary>Folder for the bench files (a temp folder when null); deleted at the end unless given.</summary>
    public string? Folder { get; init; }

    /// <summary>docs/analyst-sql.md, whose every SQL block is timed at the last day.</summary>
    public string AnalystDoc { get; init; } = "docs/analyst-sql.md";
}
