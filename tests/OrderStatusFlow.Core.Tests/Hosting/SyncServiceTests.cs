using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Hosting;

public sealed class SyncServiceTests : FixtureBase
{
    InMemoryOrderSource _source = null!;
    ScriptedStatusProvider _status = null!;
    StaticRuleSetProvider _rules = null!;
    CollectingRecordWriter _writer = null!;
    InMemoryActivityLog _log = null!;
    CollectingLogSink _sink = null!;
    FakeStages _stages = null!;
    FakeTimeProvider _time = null!;
    string _path = null!;

    protected override void SetUp()
    {
        _source = new InMemoryOrderSource(Some.PurchaseOrders(3));
        _status = new ScriptedStatusProvider();
        _rules = new StaticRuleSetProvider();
        _writer = new CollectingRecordWriter(_source);
        _log = new InMemoryActivityLog();
        _sink = new CollectingLogSink();
        _stages = new FakeStages(_source, _status, _rules, _writer);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        _path = Path.Combine(NewTempDirectory(), "order-status.json");
    }

    SyncService Service(bool watch = false) => Using(new SyncService(new SyncServiceOptions
    {
        PipelinePath = _path,
        TimeProvider = _time,
        Logger = _sink.CreateLogger(),
        Environment = _ => null,
        WatchFile = watch,
    }, _stages.Registry, _log));

    [Test]
    public async Task RunOnce_ValidFile_ReturnsTheCycleResult()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson());

        var result = await Wait.ForAsync(Service().RunOnceAsync(), "one cycle");

        Assert.Multiple(() =>
        {
            Assert.That(result.Counts.Updated, Is.EqualTo(3));
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(_log.Summaries, Has.Count.EqualTo(1));
            Assert.That(_sink.Messages, Has.Some.Contains("Pipeline 'test'"), "the assembled graph is logged at start");
        });
    }

    [Test]
    public void RunOnce_BrokenFileAtStart_ThrowsWithEveryProblem()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(parallelism: 0, interval: "soon"));

        var ex = Assert.ThrowsAsync<PipelineValidationException>(() => Service().RunOnceAsync());

        Assert.That(ex!.Problems, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RunOnce_FileBrokenLater_KeepsTheLastGoodDefinitionAndLogsEveryProblem()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(name: "good"));
        var service = Service();
        await Wait.ForAsync(service.RunOnceAsync(), "first cycle");
        var good = service.Definition;

        File.WriteAllText(_path, FakeStages.PipelineJson(name: "bad", parallelism: 0, batchSize: 0));
        var result = await Wait.ForAsync(service.RunOnceAsync(), "second cycle");

        Assert.Multiple(() =>
        {
            Assert.That(service.Definition, Is.SameAs(good));
            Assert.That(result.Pipeline, Is.EqualTo("good"));
            Assert.That(result.RunId, Is.EqualTo(2));
            Assert.That(_sink.Messages, Has.Some.Contains("parallelism must be between 1 and 64"));
            Assert.That(_sink.Messages, Has.Some.Contains("batchSize must be between 1 and 1000"));
            Assert.That(_sink.Messages, Has.Some.Contains("keeping the last good definition"));
        });
    }

    [Test]
    public async Task RunOnce_FileChanged_RebuildsSeamsButKeepsTheRuleSetProvider()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(name: "one"));
        var service = Service();
        await Wait.ForAsync(service.RunOnceAsync(), "first cycle");

        File.WriteAllText(_path, FakeStages.PipelineJson(name: "two", parallelism: 3));
        var result = await Wait.ForAsync(service.RunOnceAsync(), "second cycle");

        Assert.Multiple(() =>
        {
            Assert.That(result.Pipeline, Is.EqualTo("two"));
            Assert.That(service.Descriptor!.Blocks.Single(b => b.Name == "status").Parallelism, Is.EqualTo(3));
            Assert.That(_stages.Source.Created, Is.EqualTo(2));
            Assert.That(_stages.Rules.Created, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunOnce_Disabled_IdlesWithOneLogLineAndResumesWithoutRestart()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(enabled: false));
        var service = Service();

        var first = await Wait.ForAsync(service.RunOnceAsync(), "an idle turn");
        var second = await Wait.ForAsync(service.RunOnceAsync(), "another idle turn");

        Assert.Multiple(() =>
        {
            Assert.That(first.Disabled && second.Disabled, Is.True);
            Assert.That(first.ExitCode, Is.EqualTo(0));
            Assert.That(_source.Reads, Is.Zero);
            Assert.That(_log.Starts, Is.Empty);
            Assert.That(_sink.Messages.Count(m => m.Contains("disabled")), Is.EqualTo(1));
        });

        File.WriteAllText(_path, FakeStages.PipelineJson(enabled: true));
        var resumed = await Wait.ForAsync(service.RunOnceAsync(), "a real cycle");

        Assert.That(resumed.Disabled, Is.False);
        Assert.That(resumed.Counts.Updated, Is.EqualTo(3));
    }

    [Test]
    public async Task Run_Interval_NextCycleStartsAnIntervalAfterThePreviousEnds()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(interval: "00:00:05"));
        var service = Service();
        using var stop = new CancellationTokenSource();

        var running = service.RunAsync(stop.Token);
        await Wait.UntilAsync(() => _log.Summaries.Count == 1, "the first cycle");
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(_log.Starts, Has.Count.EqualTo(1), "4 s after the end: not yet");
        await Wait.UntilAsync(() => { _time.Advance(TimeSpan.FromMilliseconds(100)); return _log.Summaries.Count == 2; }, "the second cycle");

        stop.Cancel();
        await Wait.ForAsync(running, "the service to stop");
        Assert.That(_log.Summaries[1].OrdersUpdated, Is.Zero, "nothing changed in between");
    }

    [Test]
    public async Task Run_DisabledThenEnabled_StartsWithoutRestart()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson(enabled: false, interval: "00:01:00"));
        var service = Service(watch: true);
        using var stop = new CancellationTokenSource();

        var running = service.RunAsync(stop.Token);
        await Wait.UntilAsync(() => _sink.Messages.Any(m => m.Contains("disabled")), "the idle log line");
        File.WriteAllText(_path, FakeStages.PipelineJson(enabled: true, interval: "00:01:00"));
        await Wait.UntilAsync(() => { _time.Advance(TimeSpan.FromSeconds(1)); return _log.Summaries.Count == 1; }, "a cycle after enabling");

        stop.Cancel();
        await Wait.ForAsync(running, "the service to stop");
        Assert.That(_log.Summaries.Single().OrdersUpdated, Is.EqualTo(3));
    }

    [Test]
    public async Task Run_Cancelled_DrainsAndReturns()
    {
        File.WriteAllText(_path, FakeStages.PipelineJson());
        var gate = new Gate();
        _status.Gate = gate;
        var service = Service();
        using var stop = new CancellationTokenSource();

        var running = service.RunAsync(stop.Token);
        await Wait.UntilAsync(() => gate.Waiting > 0, "a status call in flight");
        stop.Cancel();
        gate.Open();
        await Wait.ForAsync(running, "the service to stop");

        Assert.That(_log.Summaries, Has.Count.EqualTo(1));
        Assert.That(_log.Events, Has.Count.EqualTo(_source.YieldedCount));
        Assert.That(_log.Events.Select(e => e.Outcome), Has.All.EqualTo(SyncOutcome.Updated));
    }
}
