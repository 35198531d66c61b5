using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.ServiceNow.Query;

namespace OrderStatusFlow.ServiceNow.OpenOrders;

/// <summary>
/// Reads the open connector POs page by page (the configured query; keyset paging by default, or following the
/// <c>Link</c> header, see <see cref="ServiceNowOptions.SourcePaging"/>) and, per page,
/// the lines of all its POs in bulk (<c>purchase_orderIN…</c>, paged too): never one request per PO. Reads one page
/// ahead of the POs it hands out. A PO the query returned that is not eligible (see <see cref="Eligibility"/>) is
/// handed out with <see cref="PurchaseOrder.SkipReason"/> set and without its lines, so the engine logs it as skipped.
/// Disposing the source disposes the client when it owns it (the stage factory's source does).
/// </summary>
public sealed class ServiceNowOrderSource(ServiceNowClient client, Eligibility? eligibility = null, bool ownsClient = false) : IOrderSource, IDisposable
{
    readonly ServiceNowOptions _options = client.Options;
    readonly Eligibility _eligibility = eligibility ?? new Eligibility(new OpenOrdersOptions());
    readonly RecordSchema _schema = new(client.Options.Table, client.Options.LineTable, (eligibility ?? new Eligibility(new OpenOrdersOptions())).OrderStatusField);

    public void Dispose()
    {
        if (ownsClient)
            client.Dispose();
    }

    public async IAsyncEnumerable<PurchaseOrder> ReadOpenOrdersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One page read ahead: the next page (and its lines) is fetched while this one's POs go through the pipeline.
        // Reading only on demand stalls the status stage at every page boundary (a PO page plus its line pages is
        // several ServiceNow round trips). At most three pages are held (the one being handed out, one waiting, one
        // being read), whatever the number of POs.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<List<PurchaseOrder>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = ProduceAsync(pages.Writer, stop.Token);
        try
        {
            // A failed read completes the channel with its exception, which WaitToReadAsync rethrows here.
            while (await pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (pages.Reader.TryRead(out var page))
                    foreach (var po in page)
                        yield return po;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false); // never throws: failures travel through the channel
        }
    }

    /// <summary>The open POs' header fields only, page by page: the scheduler's cheap read.</summary>
    public async IAsyncEnumerable<PurchaseOrder> ReadOpenHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadPoPagesAsync(cancellationToken).ConfigureAwait(false))
            foreach (var po in page.Where(p => p.GetValueOrDefault("sys_id", "").Length > 0 && _eligibility.WhyIneligible(p) is null))
                yield return new PurchaseOrder(po["sys_id"], po.GetValueOrDefault("number", ""), po, []) { Schema = _schema };
    }

    /// <summary>
    /// The given POs with their lines: one bulk line query per <c>lineQueryChunkSize</c> POs (the <c>IN</c> list of
    /// one query), the next one read while the POs of the current one are handed out. Handing out each query's POs as
    /// soon as its lines are in (rather than a whole page of POs, two queries) lets the first TD SYNNEX call of a
    /// cycle leave after one line query instead of two, for the same number of requests.
    /// </summary>
    public async IAsyncEnumerable<PurchaseOrder> ReadLinesAsync(IReadOnlyList<PurchaseOrder> headers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = headers.Chunk(Math.Max(1, _options.LineQueryChunkSize)).ToList();
        if (chunks.Count == 0)
            yield break;
        var next = ReadLinesAsync(chunks[0].Select(p => p.SysId).ToList(), cancellationToken);
        for (var i = 0; i < chunks.Count; i++)
        {
            var lines = await next.ConfigureAwait(false);
            if (i + 1 < chunks.Count)
                next = ReadLinesAsync(chunks[i + 1].Select(p => p.SysId).ToList(), cancellationToken);
            foreach (var po in chunks[i])
                yield return new PurchaseOrder(po.SysId, po.Number, po.Fields, lines.TryGetValue(po.SysId, out var found) ? found : [])
                {
                    SkipReason = po.SkipReason,
                    Schema = po.Schema,
                };
        }
    }

    /// <summary>
    /// One paged query on the line table: <c>sys_updated_on&gt;=</c><paramref name="since"/> (ServiceNow stores it in
    /// whole seconds, UTC; the second is rounded down), only the parent reference read. The lines are not filtered to
    /// the connector's POs here (that would need a dot-walked term per term of the PO query): the caller intersects
    /// with the open POs it read. Paged by <c>sys_id&gt;last</c> like the PO read, so a line deleted while the search
    /// pages does not shift the next page over an updated one.
    /// </summary>
    public async Task<IReadOnlySet<string>?> FindPosWithLinesUpdatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var parent = _options.LineParentField;
        var at = since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var pos = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in ReadKeysetPagesAsync(_options.LineTable, $"sys_updated_on>={at}", ["sys_id", parent], cancellationToken))
            foreach (var line in page)
                if (line.GetValueOrDefault(parent, "") is { Length: > 0 } po)
                    pos.Add(po);
        return pos;
    }

    async Task ProduceAsync(ChannelWriter<List<PurchaseOrder>> pages, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in ReadPoPagesAsync(cancellationToken).ConfigureAwait(false))
            {
                var records = page.Where(po => po.GetValueOrDefault("sys_id", "").Length > 0)
                    .Select(po => (Fields: po, Skip: _eligibility.WhyIneligible(po))).ToList();
                if (records.Count == 0)
                    continue;
                var eligible = records.Where(r => r.Skip is null).Select(r => r.Fields["sys_id"]).ToList();
                var lines = eligible.Count == 0 ? [] : await ReadLinesAsync(eligible, cancellationToken).ConfigureAwait(false);
                var orders = records.Select(r =>
                {
                    var sysId = r.Fields["sys_id"];
                    return new PurchaseOrder(sysId, r.Fields.GetValueOrDefault("number", ""), r.Fields, lines.TryGetValue(sysId, out var found) ? found : [])
                    {
                        SkipReason = r.Skip,
                        Schema = _schema,
                    };
                }).ToList();
                await pages.WriteAsync(orders, cancellationToken).ConfigureAwait(false);
            }
            pages.Complete();
        }
        catch (Exception ex)
        {
            pages.Complete(ex);
        }
    }

    IAsyncEnumerable<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadPoPagesAsync(CancellationToken cancellationToken)
    {
        if (_options.SourcePaging == "link")
        {
            var query = _options.Query.Contains("ORDERBY", StringComparison.Ordinal) ? _options.Query : JoinQuery(_options.Query, "ORDERBYsys_id");
            return client.ReadPagesAsync(_options.Table, query, _options.PoFields, cancellationToken);
        }
        return ReadKeysetPagesAsync(_options.Table, _options.Query, _options.PoFields, cancellationToken);
    }

    /// <summary>
    /// Pages by <c>sys_id&gt;last</c> (in every <c>^NQ</c> group, see <see cref="KeysetQuery"/>): a PO leaving the
    /// result set never shifts the next page.
    /// </summary>
    async IAsyncEnumerable<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadKeysetPagesAsync(
        string table, string userQuery, IReadOnlyList<string> fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = "";
        while (true)
        {
            var query = KeysetQuery.Page(userQuery, last);
            var page = await client.ReadFirstAsync(table, query, fields, _options.PageSize, cancellationToken);
            if (page.Count > 0)
                yield return page;
            var next = page.Count > 0 ? page[^1].GetValueOrDefault("sys_id", "") : "";
            if (page.Count < _options.PageSize || next.Length == 0 || string.CompareOrdinal(next, last) <= 0)
                yield break;
            last = next;
        }
    }

    async Task<Dictionary<string, List<PurchaseOrderLine>>> ReadLinesAsync(List<string> poSysIds, CancellationToken cancellationToken)
    {
        var byPo = new Dictionary<string, List<PurchaseOrderLine>>(StringComparer.Ordinal);
        var parent = _options.LineParentField;
        foreach (var chunk in poSysIds.Chunk(_options.LineQueryChunkSize))
        {
            var query = $"{parent}IN{string.Join(",", chunk)}^ORDERBY{parent}^ORDERBYsys_id";
            await foreach (var page in client.ReadPagesAsync(_options.LineTable, query, _options.LineFields, cancellationToken))
            {
                foreach (var line in page)
                {
                    var po = line.GetValueOrDefault(parent, "");
                    if (!byPo.TryGetValue(po, out var list))
                        byPo[po] = list = [];
                    list.Add(new PurchaseOrderLine(line.GetValueOrDefault("sys_id", ""), line, line.GetValueOrDefault(_options.LineNumberField, "")));
                }
            }
        }
        return byPo;
    }

    static string JoinQuery(string query, string term) => string.IsNullOrWhiteSpace(query) ? term : query + "^" + term;
}
