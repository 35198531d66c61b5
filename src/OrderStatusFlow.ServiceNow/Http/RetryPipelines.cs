using System.Net.Http.Headers;
using OrderStatusFlow.Core.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrderStatusFlow.ServiceNow.Http;

/// <summary>
/// Polly pipelines for one HTTP call: a per-attempt timeout inside a bounded exponential retry with jitter that honours
/// <c>Retry-After</c>. Reads retry timeouts, transport errors, 429 and 5xx. Writes retry only what the instance did not
/// run (429, 503); anything else is left to the writer, which reads back before writing again.
/// </summary>
static class RetryPipelines
{
    public static ResiliencePipeline<SnHttpResult> Build(ServiceNowOptions options, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<SnHttpResult> { TimeProvider = TimeProvider.System };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<SnHttpResult>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, idempotent)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r.Header("Retry-After"), options.RetryMaxDelay) : null),
                OnRetry = args =>
                {
                    ConnectorMetrics.Retry(ConnectorMetrics.ServiceNow);
                    if (args.Outcome.Result is { Status: 429 })
                        ConnectorMetrics.RateLimitWait(ConnectorMetrics.ServiceNow);
                    return default;
                },
            });
        }
        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    static bool ShouldRetry(Outcome<SnHttpResult> outcome, bool idempotent)
    {
        if (outcome.Exception is not null)
            return idempotent && outcome.Exception is HttpRequestException or TimeoutRejectedException;
        var status = outcome.Result!.Status;
        return status is 429 or 503 || (idempotent && status >= 500);
    }

    /// <summary>The wait a <c>Retry-After</c> value asks for (seconds or an HTTP date), capped; null when absent.</summary>
    public static TimeSpan? RetryAfter(string? value, TimeSpan cap)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, cap.TotalSeconds));
        if (RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
        }
        return null;
    }
}
