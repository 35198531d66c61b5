using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Core.Tests.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Scheduling;

/// <summary>A scheduled cycle without a budget asks TD SYNNEX about the first page of POs while later headers are still being read.</summary>
public sealed class PagedCyclePlanTests
{
    [Test]
    public async Task WithoutABudget_TheFirstTdSynnexCallDoesNotWaitForEveryHeader()
    {
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HeldHeadersSource? held = null;
        var harness = new PipelineHarness(Some.PurchaseOrders(PagedCyclePlan.PageSize + 5), schedule: new InMemoryCheckSchedule(),
            wrapSource: source => held = new HeldHeadersSource(source, PagedCyclePlan.PageSize, firstCall.Task));
        harness.Status.Default = _ =>
        {
            firstCall.TrySetResult();
            return Some.OrderStatus();
        };

        var result = await Wait.ForAsync(harness.Runner.RunCycleAsync(CycleRequest.Due, CancellationToken.None), "the cycle to finish", TimeSpan.FromSeconds(90));

        Assert.Multiple(() =>
        {
            Assert.That(held!.AskedWhileReading, Is.True, "a PO of the first page was sent to TD SYNNEX before the next headers were read");
            Assert.That(harness.Status.TotalCalls, Is.EqualTo(PagedCyclePlan.PageSize + 5), "every PO checked once");
            Assert.That(result.Schedule!.Open, Is.EqualTo(PagedCyclePlan.PageSize + 5));
            Assert.That(result.Schedule.Checked, Is.EqualTo(PagedCyclePlan.PageSize + 5));
            Assert.That(harness.Log.EventsOf(result.RunId), Has.Count.EqualTo(PagedCyclePlan.PageSize + 5));
        });
    }

    /// <summary>Yields the first headers, then holds the rest until the first status call (or 30 s, which fails the test).</summary>
    sealed class HeldHeadersSource(InMemoryOrderSource inner, int first, Task released) : IOrderSource
    {
        public bool AskedWhileReading { get; private set; }

        public IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync(CancellationToken cancellationToken) => inner.ReadOpenOrdersAsync(cancellationToken);

        public async IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var index = 0;
            await foreach (var po in inner.ReadOpenOrdersAsync(cancellationToken))
            {
                if (index++ == first)
                {
                    await Task.WhenAny(released, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                    AskedWhileReading = released.IsCompleted;
                }
                yield return po;
            }
        }
    }
}
