namespace OrderStatusFlow.Rules.Catalog;

/// <summary>
/// Signals changes to a rules folder: file-system events (added, changed, deleted, renamed) plus a cheap periodic
/// fingerprint of names, sizes and times, which catches anything the events missed.
/// </summary>
internal sealed class RuleFolderWatcher : IDisposable
{
    readonly string _directory;
    readonly Action _changed;
    readonly FileSystemWatcher? _watcher;
    readonly ITimer _poll;
    string _fingerprint;

    public RuleFolderWatcher(string directory, TimeSpan pollInterval, TimeProvider time, Action changed, Action<Exception> failed)
    {
        _directory = directory;
        _changed = changed;
        _fingerprint = Fingerprint();
        try
        {
            _watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Created += (_, e) => OnEvent(e.Name);
            _watcher.Changed += (_, e) => OnEvent(e.Name);
            _watcher.Deleted += (_, e) => OnEvent(e.Name);
            _watcher.Renamed += (_, e) => { OnEvent(e.OldName); OnEvent(e.Name); };
            _watcher.Error += (_, e) => { failed(e.GetException()); _changed(); };
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // e.g. the inotify instance limit: polling alone still works, only slower.
            failed(ex);
            _watcher = null;
        }
        _poll = time.CreateTimer(_ => Poll(), null, pollInterval, pollInterval);
    }

    /// <summary>Call right before reading the folder, so a change made after the read is noticed by the next poll.</summary>
    public void MarkRead() => Volatile.Write(ref _fingerprint, Fingerprint());

    public void Dispose()
    {
        _poll.Dispose();
        _watcher?.Dispose();
    }

    void OnEvent(string? name)
    {
        if (name is not null && (name.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.json", StringComparison.OrdinalIgnoreCase)))
            _changed();
    }

    // A timer callback must never throw: an unhandled exception there would end the process.
    void Poll()
    {
        try
        {
            PollOnce();
        }
        catch (Exception)
        {
            // Fingerprint already turns an unreadable folder into a value; anything else waits for the next poll.
        }
    }

    void PollOnce()
    {
        var now = Fingerprint();
        if (!string.Equals(now, Volatile.Read(ref _fingerprint), StringComparison.Ordinal))
        {
            Volatile.Write(ref _fingerprint, now);
            _changed();
        }
    }

    string Fingerprint()
    {
        try
        {
            var files = new DirectoryInfo(_directory).GetFiles()
                .Where(f => f.Name.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".tests.json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
            return string.Join("\n", files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "(unreadable)";
        }
    }
}
