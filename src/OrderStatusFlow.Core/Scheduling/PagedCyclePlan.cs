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
/// not for every open PO. The search for changed lines (<see cref="LineChangeSearch"/>) queries ServiceNow beside the
/// first page and is known before any page is planned; the POs no longer open are forgotten (<see cref="ClosedPos"/>)
/// once the last header is read. With a budget the cycle must see every due PO first to choose among them, and does
/// not use this.
/// </summary>
internal sealed class PagedCyclePlan(
    IOrderSource source,
    ICheckSchedule schedule,
    IReadOnlyDictionary<string, CheckState> states,
    CycleRequest request,
    string? rulesVersion,
    DateTimeOffset? linesSearchedFrom,
    TimeSpan lineChangeMargin,
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

    /// <summary>
    /// Where the next search for changed lines may start once this cycle ends without error: set when every page was
    /// planned, the search succeeded and every PO it found is checked this cycle; null: where this one did.
    /// </summary>
    public DateTimeOffset? LinesSearchedAt { get; private set; }

    /// <summary>The POs this cycle handles, with their lines: the checked ones, then the re-evaluated ones, page by page.</summary>
    public async IAsyncEnumerable<PurchaseOrder> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One page of headers read ahead while the lines of the current one are read and its POs handed out.
        var pages = Channel.CreateBounded<List<PurchaseOrder>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var search = FindTouchedAsync(stop.Token);
        var producer = ProduceAsync(pages.Writer, stop.Token);
        try
        {
            var (touched, searchedAt) = await search.ConfigureAwait(false);
            // A failed header read completes the channel with its exception, which WaitToReadAsync rethrows here.
            while (await pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (pages.Reader.TryRead(out var headers))
                {
                    var now = time.GetUtcNow();
                    var found = await LinesChangedAsync(headers, touched, now, cancellationToken).ConfigureAwait(false);
                    var plan = CyclePlanner.Plan(headers, states, request, rulesVersion, now, budget: null, found?.Changed);
                    if (found is null || found.NotHandledBy(plan.Check).Count > 0)
                        searchedAt = null;
                    var reevaluate = await LoadAnswersAsync(plan.Reevaluate, cancellationToken).ConfigureAwait(false);
                    Add(plan.Summary with { Reevaluated = reevaluate.Count });
                    if (plan.Check.Count + reevaluate.Count == 0)
                        continue;
                    await foreach (var po in source.ReadLinesAsync([.. plan.Check, .. reevaluate], cancellationToken).ConfigureAwait(false))
                        yield return po;
                }
            LinesSearchedAt = searchedAt;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false); // never throws: failures travel through the channel
            await search.ConfigureAwait(false); // never throws
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
            // The read is complete and without error: only now is a known PO missing from it known to be closed.
            await ClosedPos.ForgetAsync(schedule, states, seen, logger, cancellationToken).ConfigureAwait(false);
            pages.Complete();
        }
        catch (Exception ex)
        {
            pages.Complete(ex);
        }
    }

    /// <summary>The line search's one query, run beside the first header page; never throws (a failure finds nothing and keeps the old start).</summary>
    async Task<(IReadOnlySet<string> Touched, DateTimeOffset? SearchedAt)> FindTouchedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LineChangeSearch.FindTouchedAsync(source, linesSearchedFrom, time, lineChangeMargin, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException)
                LineChangeSearch.LogFailure(logger, ex);
            return (new HashSet<string>(), null);
        }
    }

    /// <summary>What the search found among one page's POs; null when their lines could not be read (logged; the search is repeated next cycle).</summary>
    async Task<LineChangeSearch.Found?> LinesChangedAsync(List<PurchaseOrder> headers, IReadOnlySet<string> touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            // Without a budget every due PO is checked: only the lines of POs left alone or re-evaluated are read here.
            return await LineChangeSearch.ChangedAsync(source, headers, touched, states,
                po => CyclePlanner.LinesDecide(po, states.GetValueOrDefault(po.SysId), request, rulesVersion, now, budgeted: false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LineChangeSearch.LogFailure(logger, ex);
            return null;
        }
    }

    /// <summary>The POs of a page to re-evaluate whose stored answer could be read (kept in <see cref="StoredAnswers"/>); the others are checked when next due.</summary>
    async Task<List<PurchaseOrder>> LoadAnswersAsync(IReadOnlyList<PurchaseOrder> pos, CancellationToken cancellationToken)
    {
        var answers = await Scheduling.StoredAnswers.ReadForReevaluationAsync(schedule, pos, logger, cancellationToken).ConfigureAwait(false);
        var found = new List<PurchaseOrder>(answers.Count);
        foreach (var po in pos)
            if (answers.TryGetValue(po.SysId, out var answer))
            {
                _answers[po.SysId] = answer;
                found.Add(po);
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
