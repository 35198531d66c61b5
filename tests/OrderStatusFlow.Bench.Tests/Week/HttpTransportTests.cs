using OrderStatusFlow.Bench.Week;
using OrderStatusFlow.Bench.Week.Http;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Bench.Tests.Week;

/// <summary>
/// <c>bench week --transport http</c>'s plumbing on a tiny world (a handful of POs, one simulated day of fixed
/// polling): the shipped stages reach the emulators over loopback, the emulators count the requests, and every PO's
/// ServiceNow record ends as the in-process run of the same world leaves it. Asserts counts and values, never timings.
/// </summary>
public sealed class HttpTransportTests
{
    [Test]
    public async Task RunAsync_TinyWorldOverHttp_EmulatorsCountTheCallsAndServiceNowHoldsWhatTheInProcessWorldHolds()
    {
        var settings = new WeekSettings
        {
            Orders = 10, FixedOrders = 10, Days = 1, Seed = 14,
            RulesFolder = RepoPaths.Rules, PipelinePath = Path.Combine(RepoPaths.Pipelines, "order-status.json"),
        };
        var rules = RuleCompiler.CompileDirectory(settings.RulesFolder).RuleSet!;
        var scripts = WorldGenerator.Generate(settings.FixedOrders, settings.Days, settings.Seed);
        var lastCycle = WeekRun.Start + TimeSpan.FromDays(settings.Days) - settings.Interval;
        var raised = scripts.Where(s => s.AcceptedAt <= lastCycle).ToList();
        var changedToday = raised.Where(s => s.Changes.Any(c => c.At > WeekRun.Start && c.At <= lastCycle)).ToList();
        Assert.That(changedToday, Is.Not.Empty, $"the tiny world needs a PO whose TD SYNNEX answer changes during the day ({raised.Count} POs raised)");

        var inProcessStatus = new Dictionary<string, string>();
        var inProcess = await WeekRun.RunAsync(settings, cadence: false, rules, rules, Serilog.Core.Logger.None, CancellationToken.None,
            transport =>
            {
                var world = ((InProcessTransport)transport).World;
                foreach (var script in raised)
                    inProcessStatus[script.SysId] = world.Record(script.SysId)["u_tds_order_status"];
            });

        var httpStatus = new Dictionary<string, string>();
        long statusRequests = 0, batchItems = 0, serviceNowRequests = 0;
        var http = await WeekRun.RunAsync(settings with { Transport = WeekTransport.Http }, cadence: false, rules, rules, Serilog.Core.Logger.None, CancellationToken.None,
            transport =>
            {
                var emulators = (HttpTransport)transport;
                foreach (var script in raised)
                    httpStatus[script.SysId] = emulators.PoRecord(script.SysId)?["u_tds_order_status"] ?? "(no record)";
                statusRequests = emulators.TdSynnex.Stats.StatusRequests;
                batchItems = emulators.ServiceNow.Stats[ServiceNowEmulatorStats.BatchItems];
                serviceNowRequests = emulators.ServiceNow.Stats[ServiceNowEmulatorStats.Requests];
            });

        Assert.Multiple(() =>
        {
            Assert.That(http.Transport, Is.EqualTo("http"));
            Assert.That(http.FailedEvents, Is.Zero, http.FirstFailure);
            Assert.That(statusRequests, Is.GreaterThan(0), "PO Status requests the TD SYNNEX emulator answered");
            Assert.That(batchItems, Is.GreaterThan(0), "records the ServiceNow emulator's Batch API wrote");
            Assert.That(serviceNowRequests, Is.GreaterThan(0));
            // The day's changes reached the ServiceNow emulator's records exactly as they reach the in-process world's.
            Assert.That(httpStatus, Is.EqualTo(inProcessStatus));
            Assert.That(changedToday.Select(s => httpStatus[s.SysId]), Has.Some.Not.Empty, "a PO whose answer changed today holds a TDS status");
            Assert.That(http.Lags, Is.Not.Empty, "changes delivered to ServiceNow over HTTP");
            Assert.That(http.Lags, Is.EqualTo(inProcess.Lags));
            Assert.That(http.StatusCallsPerPoPerDay, Is.EqualTo(inProcess.StatusCallsPerPoPerDay));
            Assert.That(http.InvoiceCallsPerPoPerDay, Is.EqualTo(inProcess.InvoiceCallsPerPoPerDay));
            Assert.That(http.ServiceNowRequestsPerDay, Is.EqualTo(inProcess.ServiceNowRequestsPerDay), "the in-process formula counts what the emulator saw");
        });
    }
}
