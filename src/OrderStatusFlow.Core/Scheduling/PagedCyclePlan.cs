using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// A scheduled cycle without a budget, planned page by page: with nothing to ration, whether a PO is checked depends
/// on that PO alone, so the POs of one page of headers are planned (<see cref="CyclePlanner"/>), their lines read and
/// handed to the pipeline while the next headers are read. The first TD SYNNEX call waits for one page of headers,
/// not for every open PO. With a budget the cycle must see every due PO first to choose among them, and does not use
/// this.
/// </summary>
internal sealed class PagedCyclePlan(
    IOrderSource source,
    ICheckSchedule schedule,
    IReadOnlyDictionary<string, CheckState> states,
    CycleRequest request,
    string? rulesVersion,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Headers planned together; about one ServiceNow page.</summary>
    public const int PageSize = 200;

    readonly ConcurrentDictionary<string, OrderStatus> _answers = new(StringComparer.Ordinal);
    ScheduleSummary _summary = new();

    /// <summary>Stored answers of the POs re-evaluated so far, by sys_id (filled before each PO is handed out).</summary>
    public IReadOnlyDictionary<string, OrderStatus> StoredAnswers => _answers;

    /// <summary>What was decided over the pages read so far (complete once <see cref="ReadAsync"/> has ended).</summary>
    public ScheduleSummary Summary => Volatile.Read(ref _summary);

    /// <summary>The POs this cycle handles, with their lines: the checked ones, then the re-evaluated ones, page by page.</summary>
    public async IAsyncEnumerable<PurchaseOrder> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One page of headers read ahead while the lines of the current one are read and its POs handed out.
        var pages = Channel.CreateBounded<List<PurchaseOrder>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = ProduceAsync(pages.Writer, stop.Token);
        try
        {
            // A failed header read completes the channel with its exception, which WaitToReadAsync rethrows here.
            while (await pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (pages.Reader.TryRead(out var headers))
                {
                    var plan = CyclePlanner.Plan(headers, states, request, rulesVersion, time.GetUtcNow(), budget: null);
                    var reevaluate = await LoadAnswersAsync(plan.Reevaluate, cancellationToken).ConfigureAwait(false);
                    Add(plan.Summary with { Reevaluated = reevaluate.Count });
                    if (plan.Check.Count + reevaluate.Count == 0)
                        continue;
                    await foreach (var po in source.ReadLinesAsync([.. plan.Check, .. reevaluate], cancellationToken).ConfigureAwait(false))
                        yield return po;
                }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false); // never throws: failures travel through the channel
        }
    }

    async Task ProduceAsync(ChannelWriter<List<PurchaseOrder>> pages, CancellationToken cancellationToken)
    {
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var page = new List<PurchaseOrder>(PageSize);
            await foreach (var po in source.ReadOpenHeadersAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(po.SysId))
                    continue; // a PO moved between pages: once per cycle
                page.Add(po);
                if (page.Count < PageSize)
                    continue;
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                page = new List<PurchaseOrder>(PageSize);
            }
            if (page.Count > 0)
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
            pages.Complete();
        }
        catch (Exception ex)
        {
            pages.Complete(ex);
        }
    }

    async Task<List<PurchaseOrder>> LoadAnswersAsync(IReadOnlyList<PurchaseOrder> pos, CancellationToken cancellationToken)
    {
        var found = new List<PurchaseOrder>(pos.Count);
        foreach (var po in pos)
        {
            try
            {
                if (await schedule.GetLastAnswerAsync(po.SysId, cancellationToken).ConfigureAwait(false) is { } answer)
                {
                    _answers[po.SysId] = answer;
                    found.Add(po);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.Warning("The stored TD SYNNEX answer of {PoNumber} cannot be read ({Error}); it is checked when next due", po.Number, ex.Message);
            }
        }
        return found;
    }

    void Add(ScheduleSummary page) => Volatile.Write(ref _summary, _summary with
    {
        Open = _summary.Open + page.Open,
        Due = _summary.Due + page.Due,
        Checked = _summary.Checked + page.Checked,
        Reevaluated = _summary.Reevaluated + page.Reevaluated,
        Backlog = _summary.Backlog + page.Backlog,
        ChangedInServiceNow = _summary.ChangedInServiceNow + page.ChangedInServiceNow,
    });
}
