using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.ServiceNow.Writing;

/// <summary>
/// Just before a batch is sent, reads the memo fields its updates append to (one <c>sys_idIN…</c> query per chunk)
/// and rebuilds each such field from what the record holds now plus the lines the rules want: a line a person added
/// since the cycle read the PO is kept, a line already there is not added twice, and a memo that needs nothing more
/// is not written at all.
/// </summary>
sealed class MemoRefresh(ServiceNowClient client)
{
    public async Task<IReadOnlyList<StatusUpdate>> RunAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken)
    {
        var appending = batch.Where(u => u.PoAppends.Count > 0).ToList();
        if (appending.Count == 0)
            return batch;
        var table = client.Options.Table;
        var current = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in appending.Chunk(client.Options.LineQueryChunkSize))
        {
            var fields = chunk.SelectMany(u => u.PoAppends.Keys).Prepend("sys_id").Distinct().ToList();
            var query = "sys_idIN" + string.Join(",", chunk.Select(u => u.PoSysId).Distinct());
            await foreach (var page in client.ReadPagesAsync(table, query, fields, cancellationToken))
                foreach (var record in page)
                    current[record.GetValueOrDefault("sys_id", "")] = record;
        }
        return batch.Select(u => u.PoAppends.Count == 0 || !current.TryGetValue(u.PoSysId, out var record) ? u : Merge(u, record)).ToList();
    }

    static StatusUpdate Merge(StatusUpdate update, IReadOnlyDictionary<string, string> record)
    {
        var fields = new Dictionary<string, string>(update.PoFields, StringComparer.Ordinal);
        foreach (var (field, lines) in update.PoAppends)
        {
            var now = record.GetValueOrDefault(field, "");
            var merged = ChangeDetector.AppendMissingLines(now, lines);
            if (WriteItem.Same(now, merged))
                fields.Remove(field);
            else
                fields[field] = merged;
        }
        return update with { PoFields = fields };
    }
}
