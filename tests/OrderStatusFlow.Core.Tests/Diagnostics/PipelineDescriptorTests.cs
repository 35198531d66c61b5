using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Tests.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Diagnostics;

/// <summary>The descriptor is read off the graph a cycle built, not computed beside it.</summary>
public sealed class PipelineDescriptorTests
{
    static IReadOnlyList<PurchaseOrder> OnePo => Some.PurchaseOrders(1);

    [Test]
    public async Task CycleGraph_Built_EmitsEveryBlockWithTheSettingsItRunsWith()
    {
        var harness = new PipelineHarness(OnePo,
            FakeStages.PipelineJson(parallelism: 6, boundedCapacity: 12, batchSize: 25, flushAfter: "00:00:03"), dryRun: true);

        await harness.RunAsync();
        var descriptor = harness.Runner.LastCycleDescriptor!.WithDescriptions(harness.Stages.Registry);

        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Blocks.Select(b => b.Name), Is.EqualTo(new[] { "feed", "admit", "status", "rules", "batch", "write", "activity-log" }));
            var status = descriptor.Blocks.Single(b => b.Name == "status");
            Assert.That((status.Type, status.Role, status.Parallelism, status.BoundedCapacity), Is.EqualTo(("fake.status", (StageRole?)StageRole.Status, 6, 12)));
            var write = descriptor.Blocks.Single(b => b.Name == "write");
            Assert.That((write.BatchSize, write.FlushAfter), Is.EqualTo(((int?)25, (TimeSpan?)TimeSpan.FromSeconds(3))));
            Assert.That(descriptor.Blocks.Single(b => b.Name == "batch").BoundedCapacity, Is.EqualTo(25));
            Assert.That(descriptor.ToString(), Does.Contain("status [fake.status] parallelism 6, capacity 12 - answers scripted statuses"));
            Assert.That(descriptor.ToString(), Does.Contain("(dry run)"));
            Assert.That(descriptor.ToString(), Does.Contain("(dry run: never called)"));
        });
    }

    [Test]
    public async Task CycleGraph_WriterWithParallelism_HoldsBatchesInFlightAndDescribeShowsTheSameGraph()
    {
        var json = FakeStages.PipelineJson(batchSize: 25).Replace("\"type\": \"fake.writer\",", "\"type\": \"fake.writer\", \"parallelism\": 3,", StringComparison.Ordinal);
        var harness = new PipelineHarness(OnePo, json);

        await harness.RunAsync();
        var ran = harness.Runner.LastCycleDescriptor!;

        var write = ran.Blocks.Single(b => b.Name == "write");
        // Capacity counts batches: the writer's default capacity (64 updates) is 2 batches of 25, raised to one per worker.
        Assert.That((write.Parallelism, write.BoundedCapacity, write.BatchSize), Is.EqualTo((3, 3, (int?)25)));
        Assert.That(ran.ToString(), Does.Contain("write [fake.writer] parallelism 3,"));
        Assert.That(harness.Runner.Describe().ToString(), Is.EqualTo(ran.ToString()));
    }
}
