using System.Diagnostics;
using System.Runtime.InteropServices;
using OrderStatusFlow.Rules.Isolation;
using Serilog;

namespace OrderStatusFlow.Service.Cli;

/// <summary>
/// <c>osf run</c> as a supervisor: it re-runs itself as a child (with <see cref="GuardVariable"/> set) and waits. When
/// the child dies of something no in-process check can stop (a stack overflow inside a framework call, the rule
/// watchdog ending a stuck evaluation), the PO it was evaluating is recorded as poisoned for that rules version, one
/// log line says so, and a new child starts: it fails that PO with the reason and completes the cycle. SIGTERM and
/// SIGINT are passed on to the child, which drains as usual. <c>OSF_SUPERVISE=0</c> runs without a supervisor.
/// </summary>
static class RuleSupervisor
{
    /// <summary>Set in the child: the folder of its <see cref="RuleCrashGuard"/>.</summary>
    public const string GuardVariable = RuleCrashGuard.FolderVariable;

    const int MaxUnexplainedCrashes = 3;

    public static bool ShouldSupervise() =>
        Environment.GetEnvironmentVariable(GuardVariable) is null && Environment.GetEnvironmentVariable("OSF_SUPERVISE") != "0";

    public static async Task<int> RunAsync(bool once, ILogger logger, CancellationToken stop)
    {
        var folder = Directory.CreateTempSubdirectory("osf-rule-guard-").FullName;
        var unexplained = 0;
        var crashes = 0;
        try
        {
            while (true)
            {
                using var child = Process.Start(ChildStartInfo(folder))
                    ?? throw new InvalidOperationException("osf: could not start the supervised process");
                await using (stop.Register(() => Signal(child, 15)))
                    await child.WaitForExitAsync(CancellationToken.None);
                var exitCode = child.ExitCode;
                if (exitCode is >= 0 and <= 3 || stop.IsCancellationRequested)
                    return exitCode is >= 0 and <= 3 ? exitCode : ExitCodes.CouldNotRun;
                crashes++;
                var poisoned = RuleCrashGuard.CollectInFlight(folder, exitCode);
                if (poisoned is not null)
                {
                    unexplained = 0;
                    logger.Error("Rules process crash {Count}: {Po}; restarting", crashes, poisoned);
                }
                else
                {
                    logger.Error("The process died (exit code {ExitCode}) while no rule was being evaluated", exitCode);
                    if (once || ++unexplained >= MaxUnexplainedCrashes)
                        return ExitCodes.CouldNotRun;
                    await Task.Delay(TimeSpan.FromSeconds(5), stop).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder; the OS cleans it eventually.
            }
        }
    }

    static ProcessStartInfo ChildStartInfo(string folder)
    {
        var args = Environment.GetCommandLineArgs();
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("osf: the process path is unknown");
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        // Started as "dotnet osf.dll ...": the first argument is the program itself.
        if (!string.Equals(Path.GetFileNameWithoutExtension(host), Path.GetFileNameWithoutExtension(args[0]), StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(args[0]);
        foreach (var arg in args.Skip(1))
            info.ArgumentList.Add(arg);
        info.Environment[GuardVariable] = folder;
        return info;
    }

    static void Signal(Process child, int signal)
    {
        try
        {
            if (!child.HasExited)
                _ = kill(child.Id, signal);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
