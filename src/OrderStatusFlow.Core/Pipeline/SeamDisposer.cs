using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>Disposes a seam that is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, logging (never throwing) failures.</summary>
internal static class SeamDisposer
{
    public static async ValueTask DisposeAsync(object? seam, ILogger logger)
    {
        try
        {
            if (seam is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (seam is IDisposable disposable)
                disposable.Dispose();
        }
        catch (Exception ex)
        {
            logger.Warning(ex, "Disposing {Seam} failed", seam?.GetType().Name);
        }
    }

    public static async ValueTask DisposeAllAsync(PipelineSeams? seams, bool includingRules, ILogger logger)
    {
        if (seams is null)
            return;
        // One object may serve several roles (a client that reads and writes): dispose it once.
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        object[] all = includingRules ? [seams.Source, seams.Status, seams.Rules, seams.Writer] : [seams.Source, seams.Status, seams.Writer];
        foreach (var seam in all)
            if ((includingRules || !ReferenceEquals(seam, seams.Rules)) && seen.Add(seam))
                await DisposeAsync(seam, logger).ConfigureAwait(false);
    }
}
