using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Diagnostics;

public sealed class PipelineDescriptorTests
{
    [Test]
    public void From_Definition_DescribesEveryBlockWithItsSettings()
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        var definition = new PipelineDefinitionLoader(fakes.Registry, _ => null)
            .TryParse(FakeStages.PipelineJson(parallelism: 6, boundedCapacity: 12, batchSize: 25, flushAfter: "00:00:03"), "p.json").Definition!;

        var descriptor = PipelineDescriptor.From(definition, fakes.Registry, dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Blocks.Select(b => b.Name), Is.EqualTo(new[] { "feed", "admit", "status", "rules", "batch", "write", "activity-log" }));
            var status = descriptor.Blocks.Single(b => b.Name == "status");
            Assert.That((status.Type, status.Role, status.Parallelism, status.BoundedCapacity), Is.EqualTo(("fake.status", (StageRole?)StageRole.Status, 6, 12)));
            var write = descriptor.Blocks.Single(b => b.Name == "write");
            Assert.That((write.BatchSize, write.FlushAfter), Is.EqualTo(((int?)25, (TimeSpan?)TimeSpan.FromSeconds(3))));
            Assert.That(descriptor.ToString(), Does.Contain("status [fake.status] parallelism 6, capacity 12 - answers scripted statuses"));
            Assert.That(descriptor.ToString(), Does.Contain("(dry run)"));
        });
    }

    [Test]
    public void From_WriterWithParallelism_DescribesBatchesInFlight()
    {
        var fakes = new FakeStages(new InMemoryOrderSource(), new ScriptedStatusProvider(), new StaticRuleSetProvider(), new CollectingRecordWriter());
        var json = FakeStages.PipelineJson(batchSize: 25).Replace("\"type\": \"fake.writer\",", "\"type\": \"fake.writer\", \"parallelism\": 3,", StringComparison.Ordinal);
        var loaded = new PipelineDefinitionLoader(fakes.Registry, _ => null).TryParse(json, "p.json");
        Assert.That(loaded.IsValid, Is.True, string.Join("\n", loaded.Problems));

        var descriptor = PipelineDescriptor.From(loaded.Definition!, fakes.Registry, dryRun: false);

        var write = descriptor.Blocks.Single(b => b.Name == "write");
        Assert.That((write.Parallelism, write.BatchSize), Is.EqualTo((3, (int?)25)));
        Assert.That(descriptor.ToString(), Does.Contain("write [fake.writer] parallelism 3,"));
    }
}
