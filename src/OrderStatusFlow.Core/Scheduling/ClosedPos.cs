using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// After a complete read of the open POs: the schedule forgets the POs it knows that are no longer open (closed,
/// cancelled, or no longer the connector's). An empty read forgets nothing (a query or permission problem must not
/// wipe the schedule). Failing to forget is logged and retried next cycle.
/// </summary>
internal static class ClosedPos
{
    public static async Task ForgetAsync(ICheckSchedule schedule, IReadOnlyDictionary<string, CheckState> states, IReadOnlySet<string> open, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (open.Count == 0)
            return;
        var gone = states.Keys.Where(sysId => !open.Contains(sysId)).ToList();
        if (gone.Count == 0)
            return;
        try
        {
            await schedule.ForgetAsync(gone, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.Warning("The schedule could not forget {Count} POs that are no longer open ({Error}); it tries again next cycle", gone.Count, ex.Message);
        }
    }
}
