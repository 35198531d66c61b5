using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Compilation;
using Serilog;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// One simulated week: the real pipeline runner, real rules and the real scheduler over the simulated world, on a
/// virtual clock that jumps from one cycle to the next (so a week takes minutes). The cadence run also restarts the
/// process on day 3 (the in-memory schedule is lost: every PO is due at once) and changes the rule set on day 5
/// (every PO is re-evaluated from its stored answer), both under the budget.
/// </summary>
internal static class WeekRun
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <param name="inspect">Called with the transport after the last cycle, before it is disposed (tests look at the emulators).</param>
    public static async Task<WeekRunResult> RunAsync(WeekSettings settings, bool cadence, IRuleSet rules, IRuleSet changedRules, ILogger logger, CancellationToken cancellationToken,
        Action<IWeekTransport>? inspect = null)
    {
        var orders = cadence ? settings.Orders : settings.FixedOrders;
        var time = new FakeTimeProvider(Start);
        var scripts = WorldGenerator.Generate(orders, settings.Days, settings.Seed);
        var world = new SimulatedWorld(scripts, time);
        var max = cadence ? (settings.MaxRequestsPerHour > 0 ? settings.MaxRequestsPerHour : orders * 3 / 2) : 0;
        var provider = new SwappableRules(rules);
        await using var transport = settings.Transport == WeekTransport.Http
            ? await Http.HttpTransport.StartAsync(world, scripts, time, settings, max, provider, logger).ConfigureAwait(false)
            : (IWeekTransport)new InProcessTransport(world, Definition(settings.Interval, max), provider);
        var definition = transport.Definition;
        var log = transport.Log;
        var budget = cadence ? new RequestBudget(max, time) : null;
        PipelineRunner Runner(ICheckSchedule? schedule) =>
            new(definition, transport.Seams, log, new PipelineRunOptions { TimeProvider = time, Schedule = schedule, Budget = budget });
        var runner = Runner(cadence ? new InMemoryCheckSchedule() : null);

        var clock = Stopwatch.StartNew();
        var end = Start + TimeSpan.FromDays(settings.Days);
        var result = new WeekRunResult { Mode = cadence ? "cadence" : "fixed 5 min", Transport = transport.Name, Orders = orders, MaxRequestsPerHour = max };
        long statusAtStart = 0, invoiceAtStart = 0, serviceNowAtStart = 0;
        var restarted = false;
        var rulesChanged = false;
        var cycles = 0;
        double openSum = 0;
        for (var at = Start; at < end; at += settings.Interval)
        {
            cancellationToken.ThrowIfCancellationRequested();
            time.SetUtcNow(at);
            await transport.BeforeCycleAsync(at, cancellationToken).ConfigureAwait(false);
            if (cadence && !restarted && at >= Start + TimeSpan.FromDays(3))
            {
                restarted = true; // a restart: the in-memory schedule is gone, every open PO is due at once
                await transport.RestartAsync().ConfigureAwait(false);
                runner = Runner(new InMemoryCheckSchedule());
                world.Restarted(); // and so is the invoice fallback clock
            }
            if (cadence && !rulesChanged && at >= Start + TimeSpan.FromDays(5))
            {
                rulesChanged = true;
                provider.Current = changedRules;
            }
            var cycle = await runner.RunCycleAsync(at == Start ? CycleRequest.All : CycleRequest.Due, cancellationToken).ConfigureAwait(false);
            if (!cycle.CouldRun)
                throw new InvalidOperationException($"the simulated cycle at {at:u} could not run: {cycle.Error}");
            await transport.AfterCycleAsync(at, cancellationToken).ConfigureAwait(false);
            if (world.MeasureFrom == DateTimeOffset.MaxValue && (cycle.Schedule?.Backlog ?? 0) == 0)
            {
                world.MeasureFrom = at; // warmed up: ServiceNow holds every PO's state; measure from here
                (statusAtStart, invoiceAtStart, serviceNowAtStart) = (world.StatusCalls, world.InvoiceCalls, world.ServiceNowRequests);
                result.WarmUpCycles = cycles + 1;
            }
            cycles++;
            openSum += cycle.Schedule?.Open ?? cycle.Counts.Seen;
            result.MaxBacklog = Math.Max(result.MaxBacklog, cycle.Schedule?.Backlog ?? 0);
            if (cycles % 288 == 0)
                logger.Information("bench week ({Mode}, {Transport}): day {Day} done, {Open} open, {Calls} TD SYNNEX calls so far, {Elapsed:F0} s",
                    result.Mode, transport.Name, cycles / 288, cycle.Schedule?.Open ?? cycle.Counts.Seen, world.StatusCalls + world.InvoiceCalls, clock.Elapsed.TotalSeconds);
        }
        var measuredDays = (end - world.MeasureFrom).TotalDays;
        result.Cycles = cycles;
        result.AverageOpen = openSum / cycles;
        result.StatusCallsPerPoPerDay = (world.StatusCalls - statusAtStart) / result.AverageOpen / measuredDays;
        result.InvoiceCallsPerPoPerDay = (world.InvoiceCalls - invoiceAtStart) / result.AverageOpen / measuredDays;
        result.ServiceNowRequestsPerDay = (world.ServiceNowRequests - serviceNowAtStart) / measuredDays;
        result.PeakCallsInAnyHour = world.PeakCallsInAnyHour();
        result.BudgetPeakInWindow = budget?.PeakInWindow ?? 0;
        result.Lags = world.Lags;
        result.Undelivered = world.Undelivered(end);
        result.FailedEvents = log.Failed;
        result.FirstFailure = log.FirstError;
        result.Elapsed = clock.Elapsed;
        result.CallsByState = world.CallsByState.ToDictionary(c => c.Key, c => c.Value / result.AverageOpen / measuredDays);
        inspect?.Invoke(transport);
        return result;
    }

    static PipelineDefinition Definition(TimeSpan interval, int maxRequestsPerHour) => new()
    {
        Name = "bench-week",
        Interval = interval,
        ActivityLog = new ActivityLogOptions { Path = "bench-week" },
        Stages =
        [
            new StageDefinition { Index = 0, Type = "week.source", Role = StageRole.Source },
            new StageDefinition { Index = 1, Type = "week.status", Role = StageRole.Status, Parallelism = 8, BoundedCapacity = 64 },
            new StageDefinition { Index = 2, Type = "rules.evaluate", Role = StageRole.Rules, Parallelism = 2, BoundedCapacity = 64 },
            new StageDefinition { Index = 3, Type = "week.writer", Role = StageRole.Writer, Parallelism = 8, BatchSize = 50 },
        ],
        Settings = new Dictionary<string, string> { ["partialShipments"] = "status", ["notFoundGraceCycles"] = "3" },
        Schedule = new ScheduleDefinition { MaxRequestsPerHour = maxRequestsPerHour },
    };

    sealed class SwappableRules(IRuleSet current) : IRuleSetProvider
    {
        public IRuleSet Current { get; set; } = current;
    }
}
