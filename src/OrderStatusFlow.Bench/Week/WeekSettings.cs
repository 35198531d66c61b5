namespace OrderStatusFlow.Bench.Week;

/// <summary>The knobs of <c>bench week</c>; defaults are the README's table.</summary>
internal sealed record WeekSettings
{
    /// <summary>Open POs (about) in the cadence run. Default 20,000.</summary>
    public int Orders { get; init; } = 20_000;

    /// <summary>
    /// Open POs in the fixed-polling run. Default 1,000: fixed polling evaluates every open PO every 5 minutes, 40
    /// million evaluations a week at 20,000, which takes too long; per-PO figures do not depend on N there.
    /// </summary>
    public int FixedOrders { get; init; } = 1_000;

    public int Days { get; init; } = 7;

    public int Seed { get; init; } = 14;

    /// <summary>The pipeline interval of both runs. Default 5 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>schedule.maxRequestsPerHour</c> of the cadence run; 0 means 1.5 calls per open PO per hour.</summary>
    public int MaxRequestsPerHour { get; init; }

    public string RulesFolder { get; init; } = "rules";

    /// <summary>In process (default) or over HTTP to the emulators.</summary>
    public WeekTransport Transport { get; init; } = WeekTransport.InProcess;

    /// <summary>The pipeline file whose stages the HTTP transport runs. Default <c>pipelines/order-status.json</c>.</summary>
    public string PipelinePath { get; init; } = "pipelines/order-status.json";
}
