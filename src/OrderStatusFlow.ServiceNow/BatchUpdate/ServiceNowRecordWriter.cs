using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.ServiceNow.Writing;

namespace OrderStatusFlow.ServiceNow.BatchUpdate;

/// <summary>
/// Writes updates through the Batch API with a PATCH per changed record, each asking back the fields it wrote. A call
/// is sent in pieces of whole POs (at most <see cref="ServiceNowOptions.MaxBatchItems"/> records each; a cycle's last
/// batch in as many pieces as requests may be in flight), side by side, with at most <c>maxConcurrentRequests</c>
/// Batch API requests in flight across all calls (one without it); once a piece fails for good, the pieces still
/// waiting are not sent. A 200 that returns an old value fails the PO as <see cref="FailureKind.Ignored"/> naming the
/// field; 403 is Permission, 404 NotFound. Items the instance did not run (unserviced, 429, 503) are sent again;
/// anything that may have committed without an answer (500 "Transaction cancelled", timeouts, gateway errors) is read
/// back first and only fields not yet holding the sent value are sent again, so a committed write is never repeated.
/// Bounded by <see cref="ServiceNowOptions.MaxAttempts"/> per record. Keeps nothing between calls but the request
/// limit: safe to call concurrently for different POs (not for the same PO at once).
/// Disposing the writer disposes the client when it owns it (the stage factory's writer does).
/// </summary>
public sealed class ServiceNowRecordWriter(ServiceNowClient client, bool ownsClient = false, int? maxConcurrentRequests = null)
    : IRecordWriter, IDisposable
{
    // Batch API requests in flight, shared by every call (without a limit given: one at a time).
    readonly int _mostRequests = Math.Max(1, maxConcurrentRequests ?? 1);
    readonly SemaphoreSlim _requests = new(Math.Max(1, maxConcurrentRequests ?? 1));

    /// <summary>
    /// With more than one request allowed in flight, the cycle's last batch is sent in as many pieces as that (whole
    /// POs per piece), after one memo read for the whole batch: the cycle waits for it, and nothing else is left to
    /// use the other requests.
    /// </summary>
    public bool SplitsLastBatch => _mostRequests > 1;

    public void Dispose()
    {
        _requests.Dispose();
        if (ownsClient)
            client.Dispose();
    }

    readonly ServiceNowOptions _options = client.Options;
    readonly BatchSender _sender = new(client);
    readonly ReadBack _readBack = new(client);
    readonly MemoRefresh _memos = new(client);

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken) =>
        WriteAsync(batch, last: false, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteLastBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken) =>
        WriteAsync(batch, last: SplitsLastBatch, cancellationToken);

    async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<StatusUpdate> batch, bool last, CancellationToken cancellationToken)
    {
        batch = await _memos.RunAsync(batch, cancellationToken);
        var items = Plan(batch);
        var pieceSize = last
            ? LastBatchPieceSize(items.Count, _mostRequests, _options.MaxBatchItems, items.CountBy(i => i.Update).Max(c => c.Value))
            : _options.MaxBatchItems;
        SyncException? fatal = null;
        var roundLimit = _options.MaxAttempts * 4 + 10;
        for (var round = 0; ; round++)
        {
            var pending = items.Where(i => !i.Done).ToList();
            await _readBack.RunAsync(pending.Where(i => i.NeedsReadBack).ToList(), cancellationToken);
            foreach (var item in pending.Where(i => !i.Done && (i.Attempts >= _options.MaxAttempts || round >= roundLimit)))
                item.Fail(FailureKind.Transient, $"{item.Label}: {string.Join(",", item.Remaining.Keys)} not confirmed written after " +
                                                 $"{item.Attempts} attempts ({item.LastError ?? "the instance kept deferring it"}); the next cycle tries again");
            var toSend = items.Where(i => !i.Done).ToList();
            if (toSend.Count == 0)
                break;
            TimeSpan? wait = null;
            var seen = new FatalSeen();
            var sent = await Task.WhenAll(WholeUpdates(toSend.GroupBy(i => i.Update).Select(g => (IReadOnlyList<WriteItem>)g.ToList()), pieceSize)
                .Select(chunk => SendLimitedAsync(chunk, round, seen, cancellationToken)));
            foreach (var piece in sent)
                wait = Max(wait, piece.Wait);
            if (sent.FirstOrDefault(piece => piece.Fatal is not null).Fatal is { } stop)
            {
                fatal = stop;
                foreach (var item in toSend.Where(i => !i.Done))
                    item.Fail(stop.Kind, stop.Message);
            }
            if (wait is { } delay && delay > TimeSpan.Zero && items.Any(i => !i.Done))
                await Task.Delay(delay, cancellationToken);
        }
        if (fatal is not null && items.All(i => i.FailureKind is not null))
            throw fatal;
        return Results(batch, items);
    }

    public async Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<StatusUpdate> updates, CancellationToken cancellationToken)
    {
        // Memo lines count as committed when the memo holds them, whatever else was added around them.
        var items = Plan(await _memos.RunAsync(updates, cancellationToken));
        foreach (var item in items)
            item.NeedsReadBack = true;
        await _readBack.RunAsync(items, cancellationToken);
        foreach (var item in items.Where(i => !i.Done))
            item.Fail(FailureKind.Transient, $"{item.Label}: {string.Join(",", item.Remaining.Keys)} " +
                                             (item.LastError is null ? "not holding the value sent" : $"could not be read back ({item.LastError})"));
        return Results(updates, items);
    }

    List<WriteItem> Plan(IReadOnlyList<StatusUpdate> batch)
    {
        var items = new List<WriteItem>();
        for (var u = 0; u < batch.Count; u++)
        {
            var update = batch[u];
            if (update.PoFields.Count > 0)
                items.Add(new WriteItem(u, _options.Table, update.PoSysId, $"{_options.Table} {update.PoNumber} ({update.PoSysId})", update.PoFields));
            foreach (var line in update.Lines.Where(l => l.Fields.Count > 0))
                items.Add(new WriteItem(u, _options.LineTable, line.SysId, $"{_options.LineTable} line {line.LineNumber} of {update.PoNumber} ({line.SysId})", line.Fields));
        }
        return items;
    }

    static IReadOnlyList<WriteResult> Results(IReadOnlyList<StatusUpdate> batch, List<WriteItem> items)
    {
        var byUpdate = items.ToLookup(i => i.Update);
        var results = new List<WriteResult>(batch.Count);
        for (var u = 0; u < batch.Count; u++)
        {
            var failed = byUpdate[u].Where(i => i.FailureKind is not null).ToList();
            if (failed.Count == 0)
            {
                results.Add(WriteResult.Ok(batch[u].PoSysId));
                continue;
            }
            var kind = failed.Select(i => i.FailureKind!.Value).OrderBy(Severity).First();
            var error = string.Join("; ", failed.Select(i => i.Error).Distinct());
            results.Add(WriteResult.Failed(batch[u].PoSysId, kind, error));
        }
        return results;
    }

    // Pieces sent side by side keep each PO's records (header and lines) in one request, so two concurrent
    // transactions never write the same PO; only a PO with more records than fit in one request is split.
    // (The bench's simulated week counts the requests of a last batch with these two as well.)
    internal static List<T[]> WholeUpdates<T>(IEnumerable<IReadOnlyList<T>> updates, int most)
    {
        var pieces = new List<T[]>();
        var piece = new List<T>();
        foreach (var records in updates)
        {
            if (piece.Count > 0 && piece.Count + records.Count > most)
            {
                pieces.Add([.. piece]);
                piece.Clear();
            }
            if (records.Count > most)
            {
                pieces.AddRange(records.Chunk(most));
                continue;
            }
            piece.AddRange(records);
        }
        if (piece.Count > 0)
            pieces.Add([.. piece]);
        return pieces;
    }

    // A last batch's piece: an equal share of its records per request allowed in flight, plus room for one more PO
    // less a record, so that pieces closed whole PO by whole PO are never more than the requests allowed (never more
    // than a request holds, though).
    internal static int LastBatchPieceSize(int records, int mostRequests, int maxItems, int largestUpdate) =>
        Math.Clamp((records + mostRequests - 1) / Math.Max(1, mostRequests) + Math.Max(0, largestUpdate - 1), 1, maxItems);

    sealed class FatalSeen
    {
        public volatile bool Value;
    }

    // A piece waits for a free request; once a piece of this round got a non-transient failure, the pieces still
    // waiting are not sent (they fail with it).
    async Task<(TimeSpan? Wait, SyncException? Fatal)> SendLimitedAsync(WriteItem[] chunk, int round, FatalSeen stop, CancellationToken cancellationToken)
    {
        await _requests.WaitAsync(cancellationToken);
        try
        {
            if (stop.Value)
                return (null, null);
            var outcome = await SendOneAsync(chunk, round, cancellationToken);
            if (outcome.Fatal is not null)
                stop.Value = true;
            return outcome;
        }
        finally
        {
            _requests.Release();
        }
    }

    async Task<(TimeSpan? Wait, SyncException? Fatal)> SendOneAsync(WriteItem[] chunk, int round, CancellationToken cancellationToken)
    {
        try
        {
            return (await _sender.SendAsync(chunk, round, cancellationToken), null);
        }
        catch (SyncException e) when (e.Kind != FailureKind.Transient)
        {
            return (null, e);
        }
    }

    static int Severity(FailureKind kind) => kind switch
    {
        FailureKind.Configuration => 0,
        FailureKind.Permission => 1,
        FailureKind.NotFound => 2,
        FailureKind.Ignored => 3,
        FailureKind.Data => 4,
        FailureKind.Transient => 5,
        _ => 6,
    };

    static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
