namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// One fixed-window rate-limit rule on the scenario clock. A window opens with the first request after the previous
/// one closed, so a test's burst always lands in one window.
/// </summary>
sealed class RateLimiter(ServiceNowRateLimit rule, EmulatorClock clock)
{
    readonly object _gate = new();
    DateTimeOffset? _windowStart;
    int _count;

    /// <summary>Counts one request; null when allowed, else the 429 to answer. <paramref name="headers"/> always gets the rule headers.</summary>
    public SnResponse? Acquire(IDictionary<string, string> headers)
    {
        DateTimeOffset reset;
        bool allowed;
        lock (_gate)
        {
            var now = clock.Now;
            var window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds));
            if (_windowStart is not { } start || now >= start + window)
            {
                _windowStart = start = now;
                _count = 0;
            }
            reset = start + window;
            allowed = ++_count <= rule.Requests;
        }
        headers["X-RateLimit-Limit"] = rule.Requests.ToString();
        headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString();
        headers["X-RateLimit-Rule"] = rule.RuleSysId;
        if (allowed)
            return null;
        var retryAfter = Math.Max(1, (int)Math.Ceiling((reset - clock.Now).TotalSeconds));
        var denied = SnResponse.Error(429, "Rate limit exceeded",
            $"Rate limit of {rule.Requests} requests per {(rule.WindowSeconds == 3600 ? "hour" : rule.WindowSeconds + " seconds")} for Table API exceeded");
        foreach (var (name, value) in headers)
            denied.Headers[name] = value;
        denied.Headers["Retry-After"] = retryAfter.ToString();
        return denied;
    }
}
