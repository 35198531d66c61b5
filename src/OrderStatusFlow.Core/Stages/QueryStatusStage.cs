using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// Asks the status provider about one PO. Never throws: every failure is attached to the item. After a
/// <see cref="FailureKind.Configuration"/> failure (bad credentials, wrong URL) the provider is not called again this
/// cycle; the remaining POs fail fast with the same message instead of hammering the distributor.
/// </summary>
internal sealed class QueryStatusStage
{
    readonly IStatusProvider _provider;
    readonly TimeProvider _time;
    readonly CancellationToken _processing;
    volatile SyncException? _configurationFailure;

    readonly IReadOnlyDictionary<string, OrderStatus> _storedAnswers;

    /// <param name="storedAnswers">POs to evaluate from the answer held instead of asking TD SYNNEX, by sys_id.</param>
    public QueryStatusStage(IStatusProvider provider, TimeProvider time, CancellationToken processing, IReadOnlyDictionary<string, OrderStatus>? storedAnswers = null)
    {
        _storedAnswers = storedAnswers ?? new Dictionary<string, OrderStatus>();
        _provider = provider;
        _time = time;
        _processing = processing;
    }

    /// <summary>The configuration failure that stopped the calls this cycle, if any.</summary>
    public SyncException? ConfigurationFailure => _configurationFailure;

    public async Task<OrderWorkItem> ProcessAsync(OrderWorkItem item)
    {
        if (item.IsDecided)
            return item;
        if (_storedAnswers.TryGetValue(item.Po.SysId, out var stored))
        {
            item.Status = stored;
            item.FromStoredAnswer = true;
            return item;
        }
        if (_configurationFailure is { } stopped)
        {
            item.Fail(stopped);
            return item;
        }
        var started = _time.GetTimestamp();
        try
        {
            item.Status = await _provider.GetStatusAsync(item.Po, _processing).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the status provider returned null");
        }
        catch (SyncException ex)
        {
            if (ex.Kind == FailureKind.Configuration)
                _configurationFailure ??= ex;
            item.Fail(ex);
        }
        catch (OperationCanceledException) when (_processing.IsCancellationRequested)
        {
            item.Fail(FailureKind.Transient, "the process stopped before the status provider answered; the PO is queried again next cycle");
        }
        catch (Exception ex)
        {
            item.Fail(FailureKind.Internal, $"querying the status failed unexpectedly ({ex.GetType().Name}: {ex.Message}); this is a bug, please report it");
        }
        item.StatusDuration = _time.GetElapsedTime(started);
        return item;
    }
}
