using System.Threading.Tasks.Dataflow;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Core.Stages;
using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Runs cycles of one pipeline definition with one set of seams: fetch the open POs, query their status, evaluate
/// the rules, write what changed in batches, and record one activity-log row per PO plus one run row per cycle.
/// </summary>
/// <remarks>
/// Cancelling the token stops fetching; POs already fetched still go through the graph (their remote calls are
/// cancelled after <see cref="PipelineRunOptions.DrainTimeout"/>) and are recorded, then the run row is finished.
/// </remarks>
public sealed class PipelineRunner
{
    readonly PipelineDefinition _definition;
    readonly PipelineSeams _seams;
    readonly IActivityLog _log;
    readonly PipelineRunOptions _options;
    readonly ILogger _logger;

    public PipelineRunner(PipelineDefinition definition, PipelineSeams seams, IActivityLog log, PipelineRunOptions? options = null)
    {
        _definition = definition;
        _seams = seams;
        _log = log;
        _options = options ?? new PipelineRunOptions();
        _logger = PipelineDiagnostics.For(_options.Logger);
    }

    public PipelineDefinition Definition => _definition;

    /// <summary>The descriptor the graph of the last cycle emitted (what it ran with); null before the first cycle.</summary>
    public PipelineDescriptor? LastCycleDescriptor { get; private set; }

    /// <summary>
    /// Builds the graph a cycle would run (same code path, nothing fed, no activity-log call) and returns the
    /// descriptor it emits: what is logged at start.
    /// </summary>
    public PipelineDescriptor Describe()
    {
        var graph = Build(0, new Dictionary<string, int>(), CancellationToken.None, _ => { }, null);
        graph.Head.Complete();
        return graph.Descriptor;
    }

    /// <summary>Runs one cycle; with a schedule, checks every open PO (same as <see cref="CycleRequest.All"/>).</summary>
    public Task<CycleResult> RunCycleAsync(CancellationToken cancellationToken = default) => RunCycleAsync(CycleRequest.All, cancellationToken);

    /// <summary>Runs one cycle; with a schedule, <paramref name="request"/> says which POs besides the due ones are checked.</summary>
    public async Task<CycleResult> RunCycleAsync(CycleRequest request, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetUtcNow();
        var rulesVersion = RulesVersion();
        long runId;
        IReadOnlyDictionary<string, int> streaks;
        try
        {
            await new InterruptedRunRecovery(_log, _seams.Writer, time, _logger).RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return NotRun(started, $"the writes of an interrupted run could not be settled ({ex.Message}); they are settled at the next start, " +
                                   "nothing new is sent until then: check the --db file and that ServiceNow is reachable");
        }
        try
        {
            runId = await _log.StartRunAsync(new RunStart(_definition.Name, started, rulesVersion, _options.DryRun), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return NotRun(started, $"the activity log cannot be written ({ex.Message}); check the --db path, free disk space and that no other process locks the file");
        }
        try
        {
            streaks = await _log.GetNotFoundStreaksAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var readError = $"the activity log cannot be read ({ex.Message}); check the --db file";
            await FinishAsync(runId, new CycleCounts(), rulesVersion, readError).ConfigureAwait(false);
            return NotRun(started, readError) with { RunId = runId };
        }

        using var fetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var processing = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stopping = cancellationToken.Register(() => CancelLater(processing));

        ScheduledCycle? scheduled = null;
        if (_options.Schedule is { } schedule)
        {
            var (planned, planError) = request.CheckAll && request.OnlyPoNumbers is null && _options.Budget is null
                ? await StreamAllAsync(schedule, fetch.Token).ConfigureAwait(false)
                : request.OnlyPoNumbers is null && _options.Budget is null
                    ? await PlanByPageAsync(schedule, request, rulesVersion, fetch.Token).ConfigureAwait(false)
                    : await PlanAsync(schedule, request, rulesVersion, fetch.Token).ConfigureAwait(false);
            if (planned is null)
            {
                await FinishAsync(runId, new CycleCounts(), rulesVersion, planError).ConfigureAwait(false);
                return NotRun(started, planError!) with { RunId = runId, Cancelled = cancellationToken.IsCancellationRequested };
            }
            scheduled = planned;
        }

        var graph = Build(runId, streaks, processing.Token, logFailure => fetch.Cancel(), scheduled);
        LastCycleDescriptor = graph.Descriptor;
        var orders = scheduled is null || scheduled.Streamed
            ? _seams.Source.ReadOpenOrdersAsync(fetch.Token)
            : scheduled.ByPage is { } byPage
                ? byPage.ReadAsync(fetch.Token)
                : _seams.Source.ReadLinesAsync([.. scheduled.Plan.Check, .. scheduled.Plan.Reevaluate], fetch.Token);
        var (sourceError, cancelled) = await FeedAsync(graph, orders, fetch.Token, cancellationToken).ConfigureAwait(false);
        try
        {
            await graph.Completion.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.Error(ex, "The pipeline graph failed");
            sourceError ??= $"internal: the pipeline graph failed ({ex.GetType().Name}: {ex.Message}); some POs of this cycle were not recorded; this is a bug, please report it";
        }

        var counts = graph.Log.Counts;
        var error = sourceError
            ?? (graph.Log.Failure is { } logFailure ? $"the activity log stopped accepting events ({logFailure.Message}); check the --db file and free disk space" : null)
            ?? (graph.Writer.LogFailure is { } intentFailure ? $"the activity log could not record writes before they were sent, so they were not sent ({intentFailure}); check the --db file, free disk space and that no other process holds a write lock on it" : null)
            ?? graph.QueryStatus.ConfigurationFailure?.ToActivityError()
            ?? graph.Writer.ConfigurationFailure?.ToActivityError();
        var finishedVersion = RulesVersion() ?? rulesVersion;
        await FinishAsync(runId, counts, finishedVersion, error).ConfigureAwait(false);
        if (error is null && !cancelled && (scheduled?.ByPage is { } paged ? paged.LinesSearchedAt : scheduled?.LinesSearchedAt) is { } linesSearchedAt)
            await MoveLineSearchAsync(linesSearchedAt).ConfigureAwait(false);
        ScheduleRetention();

        var result = new CycleResult
        {
            RunId = runId,
            Pipeline = _definition.Name,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Counts = counts,
            CouldRun = error is null,
            Error = error,
            Cancelled = cancelled,
            DryRun = _options.DryRun,
            RulesVersion = finishedVersion,
            Schedule = scheduled is { Streamed: true } ? new ScheduleSummary { Open = counts.Seen, Due = counts.Seen, Checked = counts.Seen } : scheduled?.ByPage?.Summary ?? scheduled?.Plan.Summary,
        };
        if (result.Schedule is { } summary)
            _logger.Information("Schedule: {Schedule}", summary.ToString());
        _logger.Information("Cycle finished: {Result}", result.ToString());
        return result;
    }

    CycleGraph Build(long runId, IReadOnlyDictionary<string, int> streaks, CancellationToken processing, Action<Exception> onLogFailure, ScheduledCycle? scheduled)
    {
        var time = _options.TimeProvider;
        var writer = _definition.StageFor(StageRole.Writer);
        var recorder = scheduled is null
            ? null
            : new ScheduleRecorder(_options.Schedule!, _definition, scheduled.States, _options.Budget, scheduled.Plan.Tickets, time);
        return new CycleGraph(
            _definition,
            new QueryStatusStage(_seams.Status, time, processing, scheduled?.StoredAnswers),
            new EvaluateRulesStage(_seams.Rules, _definition, streaks, time),
            new UpdateBatcher(writer.BatchSize, writer.FlushAfter, writer.BatchSize, time, _logger)
            {
                LastBatchPieces = writer.Parallelism,
                MarkLastBatch = _seams.Writer.SplitsLastBatch && !_options.DryRun,
            },
            new WriteBatchStage(_seams.Writer, _log, runId, _options.DryRun, time, processing),
            new ActivityLogStage(_log, runId, _definition, time, 16, onLogFailure, _logger) { AfterRecorded = recorder is null ? null : recorder.RecordAsync });
    }

    /// <summary>
    /// Reads the open POs' headers and the schedule, and decides what this cycle does (<see cref="CyclePlanner"/>);
    /// loads the stored answers of the POs a new rule set re-evaluates. Returns the error text when it cannot.
    /// </summary>
    async Task<(ScheduledCycle? Cycle, string? Error)> PlanAsync(ICheckSchedule schedule, CycleRequest request, string? rulesVersion, CancellationToken fetch)
    {
        IReadOnlyDictionary<string, CheckState> states;
        try
        {
            states = await schedule.LoadAsync(fetch).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"the schedule cannot be read ({ex.Message}); check the --db file");
        }
        var headers = new List<PurchaseOrder>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var po in _seams.Source.ReadOpenHeadersAsync(fetch).WithCancellation(fetch).ConfigureAwait(false))
                if (seen.Add(po.SysId))
                    headers.Add(po);
        }
        catch (OperationCanceledException) when (fetch.IsCancellationRequested)
        {
            return (null, "stopped while reading the open POs");
        }
        catch (SyncException ex)
        {
            _logger.Error("Reading the open POs failed: {Error}", ex.ToActivityError());
            return (null, $"reading the open POs failed: {ex.ToActivityError()}");
        }
        catch (Exception ex)
        {
            _logger.Error(ex, "Reading the open POs failed unexpectedly");
            return (null, $"internal: reading the open POs failed unexpectedly ({ex.GetType().Name}: {ex.Message}); this is a bug, please report it");
        }
        await ClosedPos.ForgetAsync(schedule, states, seen, _logger, fetch).ConfigureAwait(false);
        var now = _options.TimeProvider.GetUtcNow();
        var budgeted = _options.Budget is not null;
        var found = LineChangeSearch.Found.Nothing;
        DateTimeOffset? linesSearchedAt = null;
        try
        {
            (found, linesSearchedAt) = await LineChangeSearch.FindAsync(_seams.Source, schedule, headers, states,
                po => CyclePlanner.LinesDecide(po, states.GetValueOrDefault(po.SysId), request, rulesVersion, now, budgeted), _options.TimeProvider,
                _options.LineChangeMargin, fetch).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LineChangeSearch.LogFailure(_logger, ex);
        }
        var plan = CyclePlanner.Plan(headers, states, request, rulesVersion, now, _options.Budget, found.Changed);
        var stored = await StoredAnswers.ReadForReevaluationAsync(schedule, plan.Reevaluate, _logger, fetch).ConfigureAwait(false);
        var reevaluate = plan.Reevaluate.Where(po => stored.ContainsKey(po.SysId)).ToList();
        var searchedAt = await NextLineSearchStartAsync(schedule, request, headers, states, found, plan.Check, linesSearchedAt, fetch).ConfigureAwait(false);
        return (new ScheduledCycle(plan with { Reevaluate = reevaluate, Summary = plan.Summary with { Reevaluated = reevaluate.Count } }, states, stored)
        {
            LinesSearchedAt = searchedAt,
        }, null);
    }

    /// <summary>
    /// Where the next line search may start (null: where this one did). After this one, once every PO it found is
    /// checked this cycle, or, when the budget left some for later, once those whose lines changed are marked changed
    /// in the schedule (they stay due until checked, and the search does not have to find them again). Of those left,
    /// the ones the search did not read (they would have been checked anyway) are read now, so that only a real change
    /// is marked. A PO a <c>--po</c> run leaves out holds the start: whether its lines changed is not looked at.
    /// </summary>
    async Task<DateTimeOffset?> NextLineSearchStartAsync(ICheckSchedule schedule, CycleRequest request, IReadOnlyList<PurchaseOrder> headers,
        IReadOnlyDictionary<string, CheckState> states, LineChangeSearch.Found found, IReadOnlyList<PurchaseOrder> check, DateTimeOffset? searchedAt,
        CancellationToken cancellationToken)
    {
        if (searchedAt is null)
            return null;
        var left = found.NotHandledBy(check);
        if (left.Count == 0)
            return searchedAt;
        if (request.OnlyPoNumbers is { } only && headers.Any(po => left.Contains(po.SysId) && !only.Contains(po.Number)))
            return null;
        try
        {
            var changed = found.Changed.Where(left.Contains).ToHashSet(StringComparer.Ordinal);
            var unread = headers.Where(po => left.Contains(po.SysId) && found.Unread.Contains(po.SysId)).ToList();
            if (unread.Count > 0)
                changed.UnionWith((await LineChangeSearch.ChangedAsync(_seams.Source, unread, left, states, _ => true, cancellationToken).ConfigureAwait(false)).Changed);
            if (changed.Count > 0)
                await schedule.MarkChangedAsync(changed, cancellationToken).ConfigureAwait(false);
            return searchedAt;
        }
        catch (Exception ex)
        {
            // A stop while marking keeps the search where it started; the cycle then sees the stop as usual.
            if (ex is not OperationCanceledException)
                _logger.Warning("The POs with changed lines that the budget left for a later cycle could not be kept for it ({Error}); the search looks for them again next cycle",
                    ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Every open PO, no budget (<c>run --once</c> without a limit): nothing to choose, so the POs stream from the
    /// source page by page as without a schedule (the first TD SYNNEX call does not wait for every header), and the
    /// schedule is still kept.
    /// </summary>
    async Task<(ScheduledCycle? Cycle, string? Error)> StreamAllAsync(ICheckSchedule schedule, CancellationToken fetch)
    {
        try
        {
            var states = await schedule.LoadAsync(fetch).ConfigureAwait(false);
            var none = new Dictionary<string, RequestBudget.Ticket>();
            // Every open PO is read with its lines and recorded: line changes from the cycle's start on are new.
            return (new ScheduledCycle(new CyclePlan([], [], none, new ScheduleSummary()), states, new Dictionary<string, OrderStatus>())
            {
                Streamed = true,
                LinesSearchedAt = _options.TimeProvider.GetUtcNow(),
            }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"the schedule cannot be read ({ex.Message}); check the --db file");
        }
    }

    /// <summary>
    /// No budget and not limited to some POs: each PO's decision is its own, so the cycle is planned one page of
    /// headers at a time while the POs of the pages already planned go through the graph (<see cref="PagedCyclePlan"/>):
    /// due, new, changed, asked-for and re-evaluated POs alike; the line search runs beside the first page, closed POs
    /// are forgotten after the last. With a budget, <see cref="PlanAsync"/> reads every header first to rank the due POs.
    /// </summary>
    async Task<(ScheduledCycle? Cycle, string? Error)> PlanByPageAsync(ICheckSchedule schedule, CycleRequest request, string? rulesVersion, CancellationToken fetch)
    {
        IReadOnlyDictionary<string, CheckState> states;
        DateTimeOffset? linesSearchedFrom;
        try
        {
            states = await schedule.LoadAsync(fetch).ConfigureAwait(false);
            linesSearchedFrom = await schedule.GetLinesSearchedFromAsync(fetch).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"the schedule cannot be read ({ex.Message}); check the --db file");
        }
        var byPage = new PagedCyclePlan(_seams.Source, schedule, states, request, rulesVersion, linesSearchedFrom, _options.LineChangeMargin,
            _options.TimeProvider, _logger);
        var none = new Dictionary<string, RequestBudget.Ticket>();
        return (new ScheduledCycle(new CyclePlan([], [], none, new ScheduleSummary()), states, byPage.StoredAnswers) { ByPage = byPage }, null);
    }

    sealed record ScheduledCycle(CyclePlan Plan, IReadOnlyDictionary<string, CheckState> States, IReadOnlyDictionary<string, OrderStatus> StoredAnswers)
    {
        public bool Streamed { get; init; }

        public PagedCyclePlan? ByPage { get; init; }

        /// <summary>Where the next search for changed lines may start once this cycle ends without error; null: where it did (a paged cycle: <see cref="PagedCyclePlan.LinesSearchedAt"/>).</summary>
        public DateTimeOffset? LinesSearchedAt { get; init; }
    }

    /// <summary>Reads the source into the graph; SendAsync waits while the graph is full (back-pressure).</summary>
    async Task<(string? Error, bool Cancelled)> FeedAsync(CycleGraph graph, IAsyncEnumerable<PurchaseOrder> orders, CancellationToken fetch, CancellationToken stop)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var po in orders.WithCancellation(fetch).ConfigureAwait(false))
            {
                if (!seen.Add(po.SysId))
                    continue; // a PO moved between pages: one event per PO per cycle
                // Without the token: a PO the source has handed over is in flight and must reach the log. The graph
                // keeps draining after a stop (remote calls are cut after the drain timeout), so this cannot hang.
                if (!await graph.Head.SendAsync(po, graph.Broken).ConfigureAwait(false) || fetch.IsCancellationRequested)
                    break;
            }
            return (null, stop.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (fetch.IsCancellationRequested)
        {
            return (null, stop.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (graph.Broken.IsCancellationRequested)
        {
            return (null, false); // the graph failed; the caller reports it from its completion
        }
        catch (SyncException ex)
        {
            _logger.Error("Reading the open POs failed: {Error}", ex.ToActivityError());
            return ($"reading the open POs failed: {ex.ToActivityError()}", false);
        }
        catch (Exception ex)
        {
            _logger.Error(ex, "Reading the open POs failed unexpectedly");
            return ($"internal: reading the open POs failed unexpectedly ({ex.GetType().Name}: {ex.Message}); this is a bug, please report it", false);
        }
        finally
        {
            graph.Head.Complete();
        }
    }

    async Task FinishAsync(long runId, CycleCounts counts, string? rulesVersion, string? error)
    {
        try
        {
            await _log.FinishRunAsync(new RunSummary
            {
                RunId = runId,
                FinishedAt = _options.TimeProvider.GetUtcNow(),
                OrdersSeen = counts.Seen,
                OrdersUpdated = counts.Updated,
                OrdersFailed = counts.Failed,
                OrdersUnchanged = counts.Unchanged,
                OrdersSkipped = counts.Skipped,
                OrdersWouldUpdate = counts.WouldUpdate,
                Writes = counts.Writes,
                RulesVersion = rulesVersion,
                Error = KnownSecrets.RedactOrNull(error),
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.Error(ex, "The run {RunId} could not be finished in the activity log", runId);
        }
    }

    async Task MoveLineSearchAsync(DateTimeOffset at)
    {
        try
        {
            await _options.Schedule!.SetLinesSearchedFromAsync(at, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.Warning("The schedule could not keep where the next search for changed PO lines starts ({Error}); it searches from the old point", ex.Message);
        }
    }

    // Beside the cycles: the log removes old rows in the background, in small batches; this call does not wait for it.
    void ScheduleRetention()
    {
        try
        {
            _log.ScheduleRetention(_definition.ActivityLog.Retention);
        }
        catch (Exception ex)
        {
            _logger.Warning(ex, "The activity log could not schedule its retention pass");
        }
    }

    void CancelLater(CancellationTokenSource processing)
    {
        try
        {
            processing.CancelAfter(_options.DrainTimeout);
        }
        catch (ObjectDisposedException)
        {
            // the cycle already ended
        }
    }

    string? RulesVersion()
    {
        try
        {
            return _seams.Rules.Current.Version;
        }
        catch (Exception ex)
        {
            _logger.Warning(ex, "The rule set provider threw while asked for its version");
            return null;
        }
    }

    CycleResult NotRun(DateTimeOffset started, string error)
    {
        _logger.Error("The cycle could not run: {Error}", error);
        return new CycleResult
        {
            Pipeline = _definition.Name,
            StartedAt = started,
            FinishedAt = _options.TimeProvider.GetUtcNow(),
            CouldRun = false,
            Error = error,
            DryRun = _options.DryRun,
        };
    }
}
