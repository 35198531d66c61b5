namespace OrderStatusFlow.Service.Operator;

/// <summary>A remote system's last answer: usable (2xx-4xx except 429) or not, the result label, and when.</summary>
sealed record UpstreamState(bool Up, string Result, DateTimeOffset At);
