using System.Diagnostics;
using OrderStatusFlow.Bench.Cycle;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Bench.Tests.Cycle;

/// <summary>
/// The bench's code path end to end for a tiny data set with no latency: emulators in the child process, the shipped
/// pipeline and rules in this one. Asserts the facts that hold whatever the machine's speed, never timings.
/// </summary>
public sealed class BenchRunnerTests
{
    const int Orders = 12;

    [Test]
    public async Task RunAsync_TwelveOrdersNoLatency_EveryPoOnceAndTheIdleCycleWritesNothing()
    {
        var settings = new BenchSettings
        {
            Orders = Orders, TdsLatencyMs = 0, TdsCapacity = 0, SnLatencyMs = 0, SnItemLatencyMs = 0, SnCapacity = 0,
            RuleEvaluations = 0,
            PipelinePath = Path.Combine(RepoPaths.Pipelines, "order-status.json"),
            RulesFolder = RepoPaths.Rules,
        };

        var result = await BenchRunner.RunAsync(settings, Serilog.Core.Logger.None, CancellationToken.None);

        Assert.That(result.Cycles, Has.Count.EqualTo(2), result.ToText());
        var first = result.First;
        var idle = result.Idle!;
        Assert.Multiple(() =>
        {
            Assert.That(first.Error, Is.Null);
            Assert.That(first.Seen, Is.EqualTo(Orders), "every PO seen");
            Assert.That(first.Updated, Is.EqualTo(Orders), "every PO gets its first TD SYNNEX status");
            Assert.That(first.Requests.TdsStatus, Is.EqualTo(Orders));
            Assert.That(first.Requests.TdsPosQueried, Is.EqualTo(Orders));
            Assert.That(first.Requests.TdsMaxStatusPerPo, Is.EqualTo(1), "one status request per open PO");
            // Invoices only where something shipped (i % 6 in 3, 4, 5: POs 3, 4, 5, 9, 10, 11).
            Assert.That(first.Requests.TdsInvoice, Is.EqualTo(6));
            Assert.That(first.Requests.SnBatchItems, Is.EqualTo(first.Writes));
            Assert.That(first.PeakWorkingSetBytes, Is.GreaterThan(0));

            // The invoiced POs (5 and 11) are terminal and not read again; the rest is re-read and left alone.
            Assert.That(idle.Seen, Is.EqualTo(Orders - 2));
            Assert.That(idle.Requests.TdsStatus, Is.EqualTo(idle.Seen), "one status request per open PO");
            Assert.That(idle.Requests.TdsMaxStatusPerPo, Is.EqualTo(2), "two cycles, two requests at most per PO");
            Assert.That(idle.Writes, Is.Zero, "idle-cycle writes");
            Assert.That(idle.Requests.SnBatchItems, Is.Zero, "idle-cycle writes seen by ServiceNow");
            Assert.That(idle.Requests.SnBatchRequests, Is.Zero);
            Assert.That(idle.Failed, Is.Zero);

            // The timeline saw the cycle's own requests to both emulators, in order.
            var timeline = first.Timeline!;
            Assert.That(timeline.FirstServiceNowRequest, Is.Not.Null, "the PO read is seen");
            Assert.That(timeline.FirstTdSynnexRequest, Is.Not.Null, "the status calls are seen");
            Assert.That(timeline.FirstTdSynnexRequest ?? double.MaxValue, Is.LessThanOrEqualTo(timeline.LastTdSynnexAnswer ?? 0));
            Assert.That(timeline.LastTdSynnexAnswer ?? double.MaxValue, Is.LessThanOrEqualTo(timeline.Seconds));
            Assert.That(timeline.TdSynnexInFlightAverage, Is.GreaterThan(0));

            // The warm cycle is cycle 1 again on the second, untouched copy: the same work, counted on its own emulators.
            var warm = result.WarmCycle!;
            Assert.That(warm.Error, Is.Null);
            Assert.That(warm.Seen, Is.EqualTo(Orders), "every PO of the second copy is due");
            Assert.That(warm.Updated, Is.EqualTo(Orders));
            Assert.That(warm.Writes, Is.EqualTo(first.Writes), "the same records written as in cycle 1");
            Assert.That(warm.Requests.TdsStatus, Is.EqualTo(Orders));
            Assert.That(warm.Requests.TdsMaxStatusPerPo, Is.EqualTo(1), "its own emulators: no PO asked before");
            Assert.That(warm.Requests.TdsInvoice, Is.EqualTo(first.Requests.TdsInvoice));
            Assert.That(warm.Requests.SnBatchItems, Is.EqualTo(warm.Writes));
            Assert.That(warm.Timeline!.FirstTdSynnexRequest, Is.Not.Null, "the timeline follows the second copy's emulators");
        });
        Assert.That(ChildIsGone(result.EmulatorProcessId), Is.True, "the emulator child process ends with the bench");
    }

    static bool ChildIsGone(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    [Test]
    public async Task RunAsync_WithoutTheWarmCycle_MeasuresTheTwoCyclesOnly()
    {
        var settings = new BenchSettings
        {
            Orders = 3, TdsLatencyMs = 0, TdsCapacity = 0, SnLatencyMs = 0, SnItemLatencyMs = 0, SnCapacity = 0,
            RuleEvaluations = 0, WarmCycle = false,
            PipelinePath = Path.Combine(RepoPaths.Pipelines, "order-status.json"),
            RulesFolder = RepoPaths.Rules,
        };

        var result = await BenchRunner.RunAsync(settings, Serilog.Core.Logger.None, CancellationToken.None);

        Assert.That(result.Cycles, Has.Count.EqualTo(2), result.ToText());
        Assert.That(result.WarmCycle, Is.Null);
        Assert.That(result.ToJson(), Does.Contain("\"warmCycle\": null"));
    }
}
