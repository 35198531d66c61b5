using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.TdSynnex.Http;

/// <summary>
/// Spaces requests at least <c>1 / requestsPerSecond</c> apart (shared by all callers of one client). Slots are kept
/// on the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>), so a wall-clock jump neither stalls requests
/// (backwards) nor lets a burst through (forwards). With 0 requests per second it never waits.
/// </summary>
internal sealed class RequestRateLimiter(double requestsPerSecond, TimeProvider time)
{
    readonly TimeSpan _interval = requestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / requestsPerSecond) : TimeSpan.Zero;
    readonly long _origin = time.GetTimestamp();
    readonly Lock _lock = new();
    TimeSpan _nextSlot = TimeSpan.MinValue;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
            return;
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetElapsedTime(_origin);
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }
        if (wait <= TimeSpan.Zero)
            return;
        ConnectorMetrics.RateLimitWait(ConnectorMetrics.TdSynnex);
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }
}
