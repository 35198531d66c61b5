using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Hosting;

/// <summary>
/// The long-lived process: runs a cycle, waits the definition's interval after it ends, and repeats until stopped.
/// The pipeline file is re-read before every cycle and, when watched, shortly after it changes: a valid new
/// definition replaces the seams (the rule-set provider is kept: rules reload themselves); a broken one is logged
/// problem by problem and the last good definition keeps running; <c>enabled: false</c> idles until flipped back.
/// </summary>
/// <remarks>
/// Only the first load is fatal (<see cref="PipelineValidationException"/>): the host reports it and exits 1.
/// Cancelling stops fetching; in-flight POs drain to the activity log and <see cref="RunAsync"/> returns.
/// </remarks>
public sealed class SyncService : IAsyncDisposable
{
    readonly SyncServiceOptions _options;
    readonly StageRegistry _registry;
    readonly IActivityLog _log;
    readonly PipelineDefinitionLoader _loader;
    readonly PipelineAssembler _assembler;
    readonly ILogger _logger;
    readonly PipelineFileWatcher? _watcher;
    readonly SemaphoreSlim _reloadLock = new(1, 1);
    string? _lastText;
    PipelineRunner? _runner;
    PipelineSeams? _seams;
    IRuleSetProvider? _rules;
    RequestBudget? _budget;
    bool _idle;
    volatile bool _paused;
    CancellationTokenSource? _wake;

    public SyncService(SyncServiceOptions options, StageRegistry registry, IActivityLog log)
    {
        _options = options;
        _registry = registry;
        _log = log;
        _logger = PipelineDiagnostics.For(options.Logger);
        _loader = new PipelineDefinitionLoader(registry, options.Environment);
        _assembler = new PipelineAssembler(registry)
        {
            RulesFolder = options.RulesFolder,
            TimeProvider = options.TimeProvider,
            Logger = options.Logger,
            DryRun = options.DryRun,
        };
        if (options.WatchFile)
            _watcher = new PipelineFileWatcher(options.PipelinePath, options.ReloadDebounce, options.TimeProvider, _logger);
        SyncNow.Requested += Wake;
    }

    /// <summary>The definition in use (the last good one); null before the first load.</summary>
    public PipelineDefinition? Definition => _runner?.Definition;

    /// <summary>The assembled graph of <see cref="Definition"/>, as logged when it was activated.</summary>
    public PipelineDescriptor? Descriptor { get; private set; }

    /// <summary>What the operator console shows: the last cycle, when the next is due, pause state.</summary>
    public SyncServiceState State { get; } = new();

    /// <summary>The version of the rule set in use; null before the first load.</summary>
    public string? RulesVersion => _rules?.Current.Version;

    /// <summary>
    /// Pauses or resumes the long-lived loop (the console's toggle). Paused, no cycle starts; a cycle in flight ends
    /// normally. The pipeline file's <c>enabled: false</c> still wins over a resume.
    /// </summary>
    public void SetPaused(bool paused, string? reason)
    {
        _paused = paused;
        State.Paused = paused;
        State.PauseReason = paused ? reason : null;
        _logger.Information(paused ? "Paused: {Reason}" : "Resumed", reason);
        Wake();
    }

    /// <summary>
    /// "Sync now": <c>SyncNow.Request(["PO0001"])</c> for some POs, <c>SyncNow.Request()</c> for all. The waiting
    /// service starts a cycle as soon as the one in flight (if any) ends, even while paused; those POs are checked
    /// whatever their next check time (within the budget).
    /// </summary>
    public SyncNowRequests SyncNow { get; } = new();

    /// <summary>Sync now for every open PO (the console's "sync now").</summary>
    public void RequestCycle() => SyncNow.Request();

    /// <summary>What the scheduler decided in the last cycle (due, checked, re-evaluated, backlog); null before one ran.</summary>
    public ScheduleSummary? LastSchedule { get; private set; }

    /// <summary>Due POs the last cycle left for later because the budget was spent (0 before a cycle ran).</summary>
    public int Backlog => LastSchedule?.Backlog ?? 0;

    /// <summary>The TD SYNNEX call budget in use (<c>schedule.maxRequestsPerHour</c>); null without a limit.</summary>
    public RequestBudget? Budget => _budget;

    void Wake()
    {
        try
        {
            Volatile.Read(ref _wake)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the wait it belonged to has ended; the flags are read before the next one
        }
    }

    /// <summary>
    /// <c>--once</c>: (re)loads the definition and runs one full cycle. When the pipeline is disabled nothing runs and
    /// the result says <see cref="CycleResult.Disabled"/>. Throws <see cref="PipelineValidationException"/> when the
    /// first load fails.
    /// </summary>
    public Task<CycleResult> RunOnceAsync(CancellationToken cancellationToken = default) => RunOnceAsync(CycleRequest.All, cancellationToken);

    /// <summary>One cycle for <paramref name="request"/> (e.g. <c>--po</c>: only those POs); see <see cref="RunOnceAsync(CancellationToken)"/>.</summary>
    public async Task<CycleResult> RunOnceAsync(CycleRequest request, CancellationToken cancellationToken)
    {
        await ReloadAsync().ConfigureAwait(false);
        var runner = _runner!;
        if (!runner.Definition.Enabled)
        {
            if (!_idle)
                _logger.Information("Pipeline {Pipeline} is disabled (enabled: false in {File}); idling. Set it to true to resume, no restart needed",
                    runner.Definition.Name, _options.PipelinePath);
            _idle = true;
            return new CycleResult { Pipeline = runner.Definition.Name, Disabled = true, DryRun = _options.DryRun };
        }
        if (_idle)
            _logger.Information("Pipeline {Pipeline} is enabled again; resuming", runner.Definition.Name);
        _idle = false;
        State.CycleStartedAt = _options.TimeProvider.GetUtcNow();
        try
        {
            var result = await runner.RunCycleAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.Schedule is { } summary)
                LastSchedule = summary;
            State.Finished(result);
            ConnectorMetrics.Cycle(CycleResultLabel(result), result.FinishedAt - result.StartedAt);
            return result;
        }
        finally
        {
            State.CycleStartedAt = null;
        }
    }

    static string CycleResultLabel(CycleResult result) =>
        !result.CouldRun ? "error" : result.Cancelled ? "cancelled" : result.Counts.Failed > 0 ? "failures" : "ok";

    /// <summary>Runs cycles until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        await ReloadAsync().ConfigureAwait(false);
        _watcher?.Start();
        // The schedule runs on the monotonic clock: a wall-clock jump neither delays the next cycle nor starts one early.
        var origin = time.GetTimestamp();
        TimeSpan Now() => time.GetElapsedTime(origin);
        var nextDue = Now();
        while (!cancellationToken.IsCancellationRequested)
        {
            State.NextDueAt = _paused ? null : time.GetUtcNow() + (nextDue - Now()); // shown as wall time, kept monotonic
            if (!SyncNow.IsEmpty || (!_paused && Now() >= nextDue))
            {
                var (all, poNumbers) = SyncNow.Take();
                await RunOnceAsync(new CycleRequest { CheckAll = all, SyncNow = poNumbers }, cancellationToken).ConfigureAwait(false);
                nextDue = Now() + _runner!.Definition.Interval; // the next cycle starts after this one ends
                continue;
            }
            bool changed;
            var wait = _paused ? TimeSpan.FromHours(1) : nextDue - Now();
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Volatile.Write(ref _wake, wake);
            try
            {
                if (!SyncNow.IsEmpty)
                    continue; // asked while this wait was being set up
                changed = _watcher is not null
                    ? await _watcher.WaitAsync(wait, wake.Token).ConfigureAwait(false)
                    : await DelayAsync(wait, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                continue; // woken by the console: pause, resume or sync now
            }
            finally
            {
                Volatile.Write(ref _wake, null);
            }
            if (!changed)
                continue;
            var wasEnabled = _runner!.Definition.Enabled;
            await ReloadAsync().ConfigureAwait(false);
            if (!wasEnabled && _runner.Definition.Enabled)
                nextDue = Now();
        }
        _logger.Information("Pipeline {Pipeline} stopped", _runner?.Definition.Name);
    }

    async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Re-reads the pipeline file; activates it when it changed and is valid. Only the first load throws.</summary>
    async Task ReloadAsync()
    {
        await _reloadLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var initial = _runner is null;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(_options.PipelinePath).ConfigureAwait(false);
            }
            catch (Exception ex) when (!initial && ex is IOException or UnauthorizedAccessException)
            {
                _logger.Warning("The pipeline file {File} cannot be read ({Error}); keeping the last good definition", _options.PipelinePath, ex.Message);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new PipelineValidationException([PipelineDefinitionLoader.ReadProblem(_options.PipelinePath, ex)]);
            }
            if (string.Equals(text, _lastText, StringComparison.Ordinal))
                return;
            _lastText = text;
            var result = _loader.TryParse(text, _options.PipelinePath, _options.RulesFolder);
            if (!result.IsValid)
            {
                if (initial)
                    throw new PipelineValidationException(result.Problems);
                _logger.Error("The pipeline file {File} changed but has {Count} problem(s); keeping the last good definition", _options.PipelinePath, result.Problems.Count);
                foreach (var problem in result.Problems)
                    _logger.Error("{Problem}", problem.ToString());
                return;
            }
            await ActivateAsync(result.Definition!, initial).ConfigureAwait(false);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    async Task ActivateAsync(PipelineDefinition definition, bool initial)
    {
        PipelineSeams seams;
        try
        {
            seams = _assembler.Create(definition, _rules);
        }
        catch (Exception ex) when (!initial)
        {
            _logger.Error(ex, "The stages of the changed pipeline file {File} could not be built; keeping the last good definition", _options.PipelinePath);
            return;
        }
        var old = _seams;
        _seams = seams;
        _rules ??= seams.Rules;
        var max = definition.Schedule.MaxRequestsPerHour;
        if (max == 0)
            _budget = null;
        else if (_budget?.MaxPerHour != max)
            _budget = new RequestBudget(max, _options.TimeProvider); // a changed limit starts a new window
        _runner = new PipelineRunner(definition, seams, _log, new PipelineRunOptions
        {
            DryRun = _options.DryRun,
            TimeProvider = _options.TimeProvider,
            Logger = _options.Logger,
            DrainTimeout = _options.DrainTimeout,
            Schedule = _options.Schedule,
            Budget = _budget,
        });
        Descriptor = _runner.Describe().WithDescriptions(_registry);
        _logger.Information("{Action} {Descriptor}", initial ? "Starting" : "Reloaded", Descriptor.ToString());
        await SeamDisposer.DisposeAllAsync(old, includingRules: false, _logger).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        SyncNow.Requested -= Wake;
        _watcher?.Dispose();
        await SeamDisposer.DisposeAllAsync(_seams, includingRules: true, _logger).ConfigureAwait(false);
        _seams = null;
        _reloadLock.Dispose();
    }
}
