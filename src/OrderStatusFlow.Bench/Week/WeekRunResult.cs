namespace OrderStatusFlow.Bench.Week;

/// <summary>What one simulated week measured.</summary>
internal sealed class WeekRunResult
{
    public required string Mode { get; init; }

    /// <summary><c>in-process</c> or <c>http</c>.</summary>
    public string Transport { get; init; } = "in-process";

    public int Orders { get; init; }

    public int MaxRequestsPerHour { get; init; }

    public int Cycles { get; set; }

    public int WarmUpCycles { get; set; }

    public double AverageOpen { get; set; }

    public double StatusCallsPerPoPerDay { get; set; }

    public double InvoiceCallsPerPoPerDay { get; set; }

    public double CallsPerPoPerDay => StatusCallsPerPoPerDay + InvoiceCallsPerPoPerDay;

    public double ServiceNowRequestsPerDay { get; set; }

    /// <summary>The most TD SYNNEX calls made within any hour of the week, warm-up and restart included.</summary>
    public long PeakCallsInAnyHour { get; set; }

    public long BudgetPeakInWindow { get; set; }

    public int MaxBacklog { get; set; }

    public long FailedEvents { get; set; }

    /// <summary>Why the first failed PO event failed; null when none did.</summary>
    public string? FirstFailure { get; set; }

    public IReadOnlyList<(ChangeKind Kind, bool Announced, TimeSpan Lag)> Lags { get; set; } = [];

    /// <summary>Changes of the week that had not reached ServiceNow when it ended.</summary>
    public IReadOnlyList<(ChangeKind Kind, bool Announced, TimeSpan Lag)> Undelivered { get; set; } = [];

    public TimeSpan Elapsed { get; set; }

    /// <summary>Measured TD SYNNEX calls per open PO per day, by the state of the answer.</summary>
    public IReadOnlyDictionary<Core.Domain.PoState, double> CallsByState { get; set; } = new Dictionary<Core.Domain.PoState, double>();

    /// <summary>p50, p95 and max lag in minutes of the changes of <paramref name="kind"/> (undelivered ones count with their age at the end).</summary>
    public (int Count, double P50, double P95, double Max) LagOf(ChangeKind? kind, bool? announced = null)
    {
        var lags = Lags.Concat(Undelivered)
            .Where(l => (kind is null || l.Kind == kind) && (announced is null || l.Announced == announced))
            .Select(l => l.Lag.TotalMinutes).Order().ToList();
        if (lags.Count == 0)
            return (0, 0, 0, 0);
        return (lags.Count, Percentile(lags, 0.50), Percentile(lags, 0.95), lags[^1]);
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
