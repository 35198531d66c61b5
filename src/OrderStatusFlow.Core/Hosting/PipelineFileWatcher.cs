using Serilog;

namespace OrderStatusFlow.Core.Hosting;

/// <summary>
/// Wakes the service shortly after the pipeline file changes (created, changed, renamed into place). The debounce
/// lets an editor finish saving before the file is read; a broken read is harmless anyway (last good is kept).
/// </summary>
internal sealed class PipelineFileWatcher : IDisposable
{
    readonly string _path;
    readonly TimeSpan _debounce;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    FileSystemWatcher? _watcher;
    TaskCompletionSource _changed = NewSignal();

    public PipelineFileWatcher(string path, TimeSpan debounce, TimeProvider time, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _debounce = debounce;
        _time = time;
        _logger = logger;
    }

    public void Start()
    {
        try
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => OnChanged();
            watcher.Created += (_, _) => OnChanged();
            watcher.Renamed += (_, _) => OnChanged();
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex)
        {
            // Without a watcher the file is still re-read before every cycle.
            _logger.Warning("Cannot watch {File} for changes ({Error}); it is re-read before every cycle", _path, ex.Message);
        }
    }

    /// <summary>Waits for <paramref name="timeout"/>; true when the file changed (after the debounce) first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed).Task;
        var delay = timeout > TimeSpan.Zero ? Task.Delay(timeout, _time, cancellationToken) : Task.CompletedTask;
        var first = await Task.WhenAny(delay, changed).ConfigureAwait(false);
        if (first == changed)
        {
            Interlocked.Exchange(ref _changed, NewSignal());
            return true;
        }
        await first.ConfigureAwait(false); // surfaces cancellation
        return false;
    }

    void OnChanged() =>
        _ = Task.Delay(_debounce, _time).ContinueWith(_ => Volatile.Read(ref _changed).TrySetResult(), TaskScheduler.Default);

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _watcher?.Dispose();
}
