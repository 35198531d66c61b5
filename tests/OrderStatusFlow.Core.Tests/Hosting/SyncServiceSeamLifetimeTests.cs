using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Hosting;

public sealed class SyncServiceSeamLifetimeTests : FixtureBase
{
    sealed class DisposableSource : IOrderSource, IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return Some.PurchaseOrder("PO1");
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    [Test]
    public async Task RunOnce_DefinitionChanged_DisposesTheOldSeamsButNotTheRuleSetProvider()
    {
        var sources = new List<DisposableSource>();
        var rules = new List<StaticRuleSetProvider>();
        var registry = new StageRegistry()
            .Register(new FakeStageFactory("fake.source", StageRole.Source, _ => { var s = new DisposableSource(); sources.Add(s); return s; }))
            .Register(new FakeStageFactory("fake.status", StageRole.Status, _ => new ScriptedStatusProvider()))
            .Register(new FakeStageFactory("fake.rules", StageRole.Rules, _ => { var r = new StaticRuleSetProvider(); rules.Add(r); return r; }))
            .Register(new FakeStageFactory("fake.writer", StageRole.Writer, _ => new CollectingRecordWriter()));
        var path = Path.Combine(NewTempDirectory(), "p.json");
        File.WriteAllText(path, FakeStages.PipelineJson(name: "one"));
        var service = Using(new SyncService(new SyncServiceOptions
        {
            PipelinePath = path, TimeProvider = new FakeTimeProvider(), Environment = _ => null, WatchFile = false,
        }, registry, new InMemoryActivityLog()));

        await Wait.ForAsync(service.RunOnceAsync(), "first cycle");
        File.WriteAllText(path, FakeStages.PipelineJson(name: "two"));
        await Wait.ForAsync(service.RunOnceAsync(), "second cycle");

        Assert.Multiple(() =>
        {
            Assert.That(sources, Has.Count.EqualTo(2));
            Assert.That(sources[0].Disposed, Is.True, "the old source");
            Assert.That(sources[1].Disposed, Is.False, "the current source");
            Assert.That(rules, Has.Count.EqualTo(1), "rules reload themselves; the provider is kept");
        });
    }
}
