using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.TdSynnex.Http;

namespace OrderStatusFlow.TdSynnex.Tests.Http;

public sealed class RequestRateLimiterTests
{
    [Test]
    public async Task WaitAsync_TwoPerSecond_SecondWaitsHalfASecond()
    {
        var time = new FakeTimeProvider();
        var limiter = new RequestRateLimiter(2, time);

        await limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(499));
        var doneEarly = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(doneEarly, Is.False);
        Assert.That(second.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void WaitAsync_Zero_NeverWaits()
    {
        var limiter = new RequestRateLimiter(0, new FakeTimeProvider());

        Assert.That(Enumerable.Range(0, 100).All(_ => limiter.WaitAsync(CancellationToken.None).IsCompleted), Is.True);
    }
}
