using System.Runtime.InteropServices;

namespace OrderStatusFlow.Service.Cli;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a cancellation: the first asks for a graceful stop (stop fetching, drain,
/// flush the log); a second one ends the process at once.
/// </summary>
sealed class StopSignal : IDisposable
{
    readonly CancellationTokenSource _cts = new();
    readonly PosixSignalRegistration[] _registrations;

    public StopSignal(Serilog.ILogger logger)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];

        void Handle(PosixSignalContext context)
        {
            if (_cts.IsCancellationRequested)
                return; // the default handler ends the process
            context.Cancel = true;
            logger.Information("Stop requested ({Signal}): finishing what is in flight; send it again to quit at once", context.Signal);
            _cts.Cancel();
        }
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cts.Dispose();
    }
}
