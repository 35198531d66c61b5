using OrderStatusFlow.Bench.Rules;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Bench.Tests.Rules;

public sealed class RuleReloadBenchmarkTests
{
    [Test]
    public void Run_ShippedRules_SwappedOutVersionsAreCollected()
    {
        var result = RuleReloadBenchmark.Run(RepoPaths.Rules, reloads: 3, sampleAt: [1, 2, 3]);

        TestContext.Out.WriteLine(result.ToText());
        Assert.That(result.Samples.Select(s => s.Reloads), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(result.Samples.Select(s => s.LiveVersions), Is.All.EqualTo(1), "after each swap only the current version is alive");
    }
}
