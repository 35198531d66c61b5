using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Budget;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Fixtures;
using OrderStatusFlow.Rules.Protection;
using Serilog;

namespace OrderStatusFlow.Rules.Catalog;

/// <summary>
/// The current rule set of a folder, reloaded while the process runs. Watches the folder, waits for writes to settle,
/// compiles the whole set and runs its fixtures off the hot path, then swaps it in with one reference assignment. A
/// set that does not compile or whose fixtures fail is rejected and the last good set keeps running. Every load, active
/// or rejected, is reported through the callback (the activity log's <c>rule_loads</c>) and the logger.
/// </summary>
public sealed class RuleCatalog : IRuleSetProvider, IDisposable
{
    readonly string _directory;
    readonly IReadOnlyDictionary<string, string> _settings;
    readonly ILogger _logger;
    readonly Func<RuleLoadEntry, CancellationToken, Task>? _onRuleLoad;
    readonly RuleCatalogOptions _options;
    readonly CancellationTokenSource _stop = new();
    readonly SemaphoreSlim _changes = new(0);
    readonly SemaphoreSlim _reloadGate = new(1, 1);
    readonly List<WeakReference> _retired = [];
    CompiledRuleSet _current = null!;
    RuleFolderWatcher? _watcher;
    Task _worker = Task.CompletedTask;
    long _lastChangeTimestamp;

    RuleCatalog(string directory, IReadOnlyDictionary<string, string> settings, ILogger logger,
        Func<RuleLoadEntry, CancellationToken, Task>? onRuleLoad, RuleCatalogOptions options)
    {
        _directory = directory;
        _settings = settings;
        _logger = logger.ForContext<RuleCatalog>();
        _onRuleLoad = onRuleLoad;
        _options = options;
    }

    /// <summary>The set every PO must be evaluated with: read once per PO.</summary>
    public IRuleSet Current => Volatile.Read(ref _current);

    /// <summary>The version of the current set.</summary>
    public string Version => Current.Version;

    /// <summary>
    /// Loads <paramref name="rulesDirectory"/> and starts watching it. Fails with every problem when the first load fails.
    /// </summary>
    /// <param name="settings">The pipeline's settings, logged with every activated set (fixtures use their own settings).</param>
    /// <param name="onRuleLoad">Called for every load, active or rejected (e.g. <c>IActivityLog.RecordRuleLoadAsync</c>).</param>
    /// <exception cref="SyncException"><see cref="FailureKind.Configuration"/>: the folder is missing or the first set was rejected.</exception>
    public static async Task<RuleCatalog> StartAsync(string rulesDirectory, IReadOnlyDictionary<string, string> settings, ILogger logger,
        Func<RuleLoadEntry, CancellationToken, Task>? onRuleLoad = null, RuleCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var catalog = new RuleCatalog(Path.GetFullPath(rulesDirectory), settings, logger, onRuleLoad, options ?? new RuleCatalogOptions());
        await RuleCompiler.WarmUpAsync().ConfigureAwait(false);
        RuleSource source;
        try
        {
            source = RuleSource.Read(catalog._directory);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new SyncException(FailureKind.Configuration, ex.Message);
        }
        var (set, entry) = catalog.Load(source);
        await catalog.ReportAsync(entry, cancellationToken).ConfigureAwait(false);
        if (set is null)
            throw new SyncException(FailureKind.Configuration,
                $"The rules in '{rulesDirectory}' were rejected; fix these problems (./run.sh lint shows them too):\n{entry.Error}");
        catalog._current = set;
        catalog._watcher = new RuleFolderWatcher(catalog._directory, catalog._options.PollInterval, catalog._options.Time,
            catalog.OnChanged, ex => catalog._logger.Warning(ex, "Watching {RulesFolder} failed; changes are picked up by polling", catalog._directory));
        catalog._worker = Task.Run(() => catalog.WatchAsync(catalog._stop.Token));
        return catalog;
    }

    /// <inheritdoc cref="StartAsync(string, IReadOnlyDictionary{string, string}, ILogger, Func{RuleLoadEntry, CancellationToken, Task}?, RuleCatalogOptions?, CancellationToken)"/>
    public static Task<RuleCatalog> StartAsync(string rulesDirectory, IReadOnlyDictionary<string, string> settings, ILogger logger,
        IActivityLog activityLog, RuleCatalogOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(rulesDirectory, settings, logger, activityLog.RecordRuleLoadAsync, options, cancellationToken);

    /// <summary>Reloads now, without waiting for a change; returns the load's record (null when nothing changed).</summary>
    public async Task<RuleLoadEntry?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _watcher?.MarkRead();
            RuleSource source;
            try
            {
                source = RuleSource.Read(_directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.Error("Cannot read the rules folder {RulesFolder}: {Error}; keeping rules {Version}", _directory, ex.Message, Version);
                return null;
            }
            if (source.Version == Version)
                return null;
            var (set, entry) = Load(source);
            // Recorded first, so rule_loads names a version before any sync event carries it.
            await ReportAsync(entry, cancellationToken).ConfigureAwait(false);
            if (set is not null)
                Activate(set);
            return entry;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Rule sets swapped out whose load context has not been collected yet (after the caller's GC).</summary>
    internal int CountLiveRetiredVersions()
    {
        lock (_retired)
        {
            _retired.RemoveAll(w => !w.IsAlive);
            return _retired.Count;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _watcher?.Dispose();
        try
        {
            _worker.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancellation: the worker has stopped, which is all Dispose needs.
        }
        _stop.Dispose();
    }

    void OnChanged()
    {
        Interlocked.Exchange(ref _lastChangeTimestamp, _options.Time.GetTimestamp());
        _changes.Release();
    }

    async Task WatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _changes.WaitAsync(stop).ConfigureAwait(false);
                // Wait until the folder has been quiet for the debounce time, so an editor's several writes make one load.
                TimeSpan quiet;
                while ((quiet = _options.Debounce - _options.Time.GetElapsedTime(Interlocked.Read(ref _lastChangeTimestamp))) > TimeSpan.Zero)
                    await Task.Delay(quiet, _options.Time, stop).ConfigureAwait(false);
                while (_changes.Wait(0))
                {
                    // Drain: the load below sees every change signalled so far.
                }
                await ReloadAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The process never stops because of a rule: log, keep the last good set, keep watching.
                _logger.Error(ex, "Reloading the rules in {RulesFolder} failed; keeping rules {Version}", _directory, Version);
            }
        }
    }

    (CompiledRuleSet? Set, RuleLoadEntry Entry) Load(RuleSource source)
    {
        var (set, problems) = Check(source, _settings, _options.Budget, _options.RunFixtures, _options.ProtectedFields);
        if (set is not null)
            set.Guard = _options.CrashGuard;
        var entry = new RuleLoadEntry
        {
            At = _options.Time.GetUtcNow(),
            RulesVersion = source.Version,
            Outcome = set is null ? "rejected" : "active",
            FilesJson = source.ToFilesJson(),
            Error = set is null ? string.Join("\n", problems) : null,
        };
        if (set is null)
            _logger.Error("Rules {Version} rejected, keeping rules {Current}:\n{Problems}", source.Version, _current?.Version ?? "(none)", entry.Error);
        else
            _logger.Information("Rules {Version} active: {Files}; pipeline settings {@Settings}", source.Version, string.Join(", ", set.Files), _settings);
        return (set, entry);
    }

    /// <summary>
    /// What a load does before it activates a set, and all of it: compile with the safety checks and budget, check the
    /// pipeline's <paramref name="settings"/> against the values the rules accept, run the fixtures. Returns the set
    /// (null when rejected) and every problem. <c>lint</c> calls this too, so "lint is clean" means "this would load".
    /// </summary>
    /// <remarks>Fixtures carry their own settings (as in ./run.sh rules test): a customised pipeline must not make the
    /// shipped fixtures fail and block the rules.</remarks>
    internal static (CompiledRuleSet? Set, List<string> Problems) Check(RuleSource source, IReadOnlyDictionary<string, string> settings,
        RuleBudgetLimits budget, bool runFixtures, ProtectedFields? protectedFields = null)
    {
        var compiled = RuleCompiler.Compile(source, budget, protectedFields);
        var problems = compiled.Diagnostics.Select(d => d.ToString()).ToList();
        var set = compiled.RuleSet;
        if (set is null)
            return (null, problems);
        problems.AddRange(set.SettingChoices.Check(settings).Select(p => p.Message));
        if (runFixtures)
            problems.AddRange(RuleFixtureRunner.Run(set, source.Directory) is { Succeeded: false } report ? report.FailureLines() : []);
        if (problems.Count == 0)
            return (set, problems);
        set.Unload();
        return (null, problems);
    }

    /// <summary>
    /// Lint's view of a load of <paramref name="rulesDirectory"/> with the pipeline's <paramref name="settings"/>:
    /// the compile diagnostics, the settings the rules refuse (by name, so lint can locate them in the pipeline file)
    /// and the fixture failures. Nothing is kept loaded.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static RuleLoadCheck CheckFolder(string rulesDirectory, IReadOnlyDictionary<string, string> settings, ProtectedFields? protectedFields = null)
    {
        var source = RuleSource.Read(Path.GetFullPath(rulesDirectory));
        var (set, problems) = Check(source, new Dictionary<string, string>(), RuleBudgetLimits.Default, runFixtures: true, protectedFields);
        if (set is null)
            return new RuleLoadCheck(problems, []);
        var refused = set.SettingChoices.Check(settings);
        set.Unload();
        return new RuleLoadCheck(problems, refused);
    }

    void Activate(CompiledRuleSet set)
    {
        var old = Interlocked.Exchange(ref _current, set);
        lock (_retired)
            _retired.Add(old.CreateContextReference());
        Retire(old);
    }

    /// <summary>
    /// Starts unloading a swapped-out set. Evaluations still running on it finish first: unloading completes when
    /// nothing uses it any more and a full GC has run. The GC does not see the native memory a load context holds, so
    /// left alone it could keep hundreds of unloaded contexts; reloads are rare, so one full collection each is cheap.
    /// </summary>
    internal static void Retire(CompiledRuleSet old)
    {
        old.Unload();
        GC.Collect();
    }

    async Task ReportAsync(RuleLoadEntry entry, CancellationToken cancellationToken)
    {
        ConnectorMetrics.RuleReload(entry.Outcome);
        if (_onRuleLoad is null)
            return;
        try
        {
            await _onRuleLoad(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.Error(ex, "Recording the load of rules {Version} ({Outcome}) failed", entry.RulesVersion, entry.Outcome);
        }
    }
}
