namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// A rate-limit rule: at most <see cref="Requests"/> requests per <see cref="WindowSeconds"/> (the real instance counts
/// per hour); past it, 429 with <c>X-RateLimit-*</c> and <c>Retry-After</c> until the window resets.
/// </summary>
public sealed class ServiceNowRateLimit
{
    public int Requests { get; set; } = 500;

    public int WindowSeconds { get; set; } = 3600;

    public string RuleSysId { get; set; } = "5a3e6c0f1b2d4e5f8a9b0c1d2e3f4a5b";

    /// <summary>Each batch item also counts; a denied item answers 429 inside the batch response.</summary>
    public bool CountBatchItems { get; set; }
}
