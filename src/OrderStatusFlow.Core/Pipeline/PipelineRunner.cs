using System.Threading.Tasks.Dataflow;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
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
        var graph = Build(0, new Dictionary<string, int>(), CancellationToken.None, _ => { });
        graph.Head.Complete();
        return graph.Descriptor;
    }

    public async Task<CycleResult> RunCycleAsync(CancellationToken cancellationToken = default)
    {
        var time = _options.TimeProvider;
        var started = time.GetUtcNow();
        var rulesVersion = RulesVersion();
        long runId;
        IReadOnlyDictionary<string, int> streaks;
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

        var graph = Build(runId, streaks, processing.Token, logFailure => fetch.Cancel());
        LastCycleDescriptor = graph.Descriptor;
        var (sourceError, cancelled) = await FeedAsync(graph, fetch.Token, cancellationToken).ConfigureAwait(false);
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
            ?? graph.QueryStatus.ConfigurationFailure?.ToActivityError()
            ?? graph.Writer.ConfigurationFailure?.ToActivityError();
        var finishedVersion = RulesVersion() ?? rulesVersion;
        await FinishAsync(runId, counts, finishedVersion, error).ConfigureAwait(false);
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
        };
        _logger.Information("Cycle finished: {Result}", result.ToString());
        return result;
    }

    CycleGraph Build(long runId, IReadOnlyDictionary<string, int> streaks, CancellationToken processing, Action<Exception> onLogFailure)
    {
        var time = _options.TimeProvider;
        var writer = _definition.StageFor(StageRole.Writer);
        return new CycleGraph(
            _definition,
            new QueryStatusStage(_seams.Status, time, processing),
            new EvaluateRulesStage(_seams.Rules, _definition, streaks, time),
            new UpdateBatcher(writer.BatchSize, writer.FlushAfter, writer.BatchSize, time, _logger),
            new WriteBatchStage(_seams.Writer, _options.DryRun, time, processing),
            new ActivityLogStage(_log, runId, _definition, time, 16, onLogFailure, _logger));
    }

    /// <summary>Reads the source into the graph; SendAsync waits while the graph is full (back-pressure).</summary>
    async Task<(string? Error, bool Cancelled)> FeedAsync(CycleGraph graph, CancellationToken fetch, CancellationToken stop)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var po in _seams.Source.ReadOpenOrdersAsync(fetch).WithCancellation(fetch).ConfigureAwait(false))
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
                Error = error,
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.Error(ex, "The run {RunId} could not be finished in the activity log", runId);
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
