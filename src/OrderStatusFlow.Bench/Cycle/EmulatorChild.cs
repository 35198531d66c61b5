using System.Diagnostics;
using System.Text;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// The bench's emulators in a child process (<c>osf-bench emulators</c>). Disposing closes the child's stdin, which
/// ends it; if it has not exited shortly after, it is killed. Should the bench itself die, the pipe closes anyway.
/// </summary>
sealed class EmulatorChild : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    readonly Process _process;
    readonly StringBuilder _stderr = new();

    EmulatorChild(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public Uri ServiceNowUrl { get; private set; } = null!;

    public Uri TdSynnexUrl { get; private set; } = null!;

    /// <summary>The second copy of the data set, for the warm cycle (null without <see cref="BenchSettings.WarmCycle"/>).</summary>
    public Uri? WarmServiceNowUrl { get; private set; }

    public Uri? WarmTdSynnexUrl { get; private set; }

    public int ProcessId => _process.Id;

    public static async Task<EmulatorChild> StartAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(EmulatorChild).Assembly.Location);
        foreach (var arg in settings.EmulatorArguments())
            info.ArgumentList.Add(arg);
        var child = new EmulatorChild(Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start '{info.FileName}' for the bench emulators."));
        try
        {
            await child.ReadUrlsAsync(settings.WarmCycle, cancellationToken);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    async Task ReadUrlsAsync(bool warm, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (ServiceNowUrl is null || TdSynnexUrl is null || (warm && (WarmServiceNowUrl is null || WarmTdSynnexUrl is null)))
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The bench emulators did not report their URLs within {StartTimeout.TotalSeconds:0} s.{StderrText()}");
            }
            if (line is null)
                throw new InvalidOperationException($"The bench emulators exited before reporting their URLs.{StderrText()}");
            if (line.StartsWith(BenchEmulatorHost.ServiceNowPrefix, StringComparison.Ordinal))
                ServiceNowUrl = new Uri(line[BenchEmulatorHost.ServiceNowPrefix.Length..]);
            else if (line.StartsWith(BenchEmulatorHost.TdSynnexPrefix, StringComparison.Ordinal))
                TdSynnexUrl = new Uri(line[BenchEmulatorHost.TdSynnexPrefix.Length..]);
            else if (line.StartsWith(BenchEmulatorHost.WarmServiceNowPrefix, StringComparison.Ordinal))
                WarmServiceNowUrl = new Uri(line[BenchEmulatorHost.WarmServiceNowPrefix.Length..]);
            else if (line.StartsWith(BenchEmulatorHost.WarmTdSynnexPrefix, StringComparison.Ordinal))
                WarmTdSynnexUrl = new Uri(line[BenchEmulatorHost.WarmTdSynnexPrefix.Length..]);
        }
    }

    string StderrText()
    {
        lock (_stderr)
            return _stderr.Length == 0 ? "" : $" Its error output:\n{_stderr}";
    }

    // The host running this process when it is `dotnet osf.dll` (or a test host), else `dotnet` from PATH.
    static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : "dotnet";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // the process already went away
        }
        finally
        {
            _process.Dispose();
        }
    }
}
