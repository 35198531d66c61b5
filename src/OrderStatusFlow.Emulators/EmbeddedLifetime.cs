using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderStatusFlow.Emulators;

/// <summary>
/// The emulators live inside another process (the demo, the tests, the bench), which owns Ctrl+C and SIGTERM. The
/// default console lifetime would also react to those signals and let the runtime end the process with 143 once the
/// emulator stopped, cutting the host's own graceful shutdown short; this lifetime leaves signals to the host.
/// </summary>
sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Use(IServiceCollection services) => services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
}
