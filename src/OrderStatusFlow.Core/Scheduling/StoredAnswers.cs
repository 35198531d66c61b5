using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>What <see cref="Seams.ICheckSchedule.GetLastAnswersAsync"/> found: the answers, and the POs whose answer could not be read.</summary>
public sealed record StoredAnswers(IReadOnlyDictionary<string, OrderStatus> Answers, IReadOnlyDictionary<string, string> Unreadable)
{
    public static readonly StoredAnswers None = new(new Dictionary<string, OrderStatus>(), new Dictionary<string, string>());

    /// <summary>
    /// The stored answers of the POs a new rule set re-evaluates, in one bulk read. A PO whose answer cannot be read,
    /// or all of them when the read fails, is logged and left out: it is checked when next due instead.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<string, OrderStatus>> ReadForReevaluationAsync(ICheckSchedule schedule,
        IReadOnlyList<PurchaseOrder> pos, ILogger logger, CancellationToken cancellationToken)
    {
        if (pos.Count == 0)
            return None.Answers;
        StoredAnswers stored;
        try
        {
            stored = await schedule.GetLastAnswersAsync([.. pos.Select(po => po.SysId)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.Warning("The stored TD SYNNEX answers cannot be read ({Error}); the POs a new rule set re-evaluates are checked when next due", ex.Message);
            return None.Answers;
        }
        foreach (var (sysId, error) in stored.Unreadable)
            logger.Warning("The stored TD SYNNEX answer of {PoSysId} cannot be read ({Error}); it is checked when next due", sysId, error);
        return stored.Answers;
    }
}
