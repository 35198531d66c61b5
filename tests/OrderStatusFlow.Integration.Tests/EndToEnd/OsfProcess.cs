using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>Runs the real <c>osf</c> CLI (the build output next to the tests) as a child process.</summary>
sealed class OsfProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _stdout = new();
    readonly StringBuilder _stderr = new();

    OsfProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// How long a test waits for an osf process to get somewhere (print its console address, make its first write,
    /// finish a cycle, exit): generous, because the 2 cores of the test machine are shared by the fixtures running side
    /// by side and by other builds. A process that works gets there far sooner; one that hangs still fails the test.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <param name="workingDirectory">Relative defaults (pipelines/, rules/, data/) resolve against it.</param>
    public static OsfProcess Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <param name="environment">OSF_* variables the process sees (the console listens on a free port unless set).</param>
    public static OsfProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "osf.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OSF_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name); // the tests say exactly what the process sees
        info.Environment["OSF_CONSOLE_LISTEN"] = "127.0.0.1:0"; // parallel processes must not share the default port
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return new OsfProcess(Process.Start(info)!);
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var exitCode = await process.WaitForExitAsync(OsfProcess.Deadline);
        return (exitCode, process.Stdout, process.Stderr);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"osf did not exit within {timeout.TotalSeconds} s.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager sends it to stop the process.</summary>
    public void Terminate()
    {
        if (kill(_process.Id, 15) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    /// <summary>SIGKILL: no chance to clean up, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
