using OrderStatusFlow.Rules.Benchmark;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Rules.Tests.Benchmark;

public sealed class RuleReloadBenchmarkTests
{
    [Test]
    public void Run_ShippedRules_SwappedOutVersionsAreCollected()
    {
        var result = RuleReloadBenchmark.Run(RepoPaths.Rules, reloads: 2, sampleAt: [1, 2]);

        TestContext.Out.WriteLine(result.ToText());
        Assert.That(result.Samples.Select(s => s.Reloads), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.MaxLiveVersions, Is.LessThanOrEqualTo(2));
        Assert.That(result.Samples.All(s => s.ManagedBytes > 0), Is.True);
    }
}
