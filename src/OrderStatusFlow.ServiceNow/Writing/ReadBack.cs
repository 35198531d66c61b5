using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.ServiceNow.Writing;

/// <summary>
/// Reads back records whose write may have committed without an answer, in bulk (<c>sys_idIN…</c> per table), and
/// keeps only the fields that do not hold the sent value yet.
/// </summary>
sealed class ReadBack(ServiceNowClient client)
{
    public async Task RunAsync(IReadOnlyList<WriteItem> items, CancellationToken cancellationToken)
    {
        foreach (var table in items.GroupBy(i => i.Table))
        {
            foreach (var chunk in table.Chunk(client.Options.LineQueryChunkSize))
            {
                var fields = chunk.SelectMany(i => i.Remaining.Keys).Prepend("sys_id").Distinct().ToList();
                var found = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
                try
                {
                    var query = "sys_idIN" + string.Join(",", chunk.Select(i => i.SysId).Distinct());
                    await foreach (var page in client.ReadPagesAsync(table.Key, query, fields, cancellationToken))
                        foreach (var record in page)
                            found[record.GetValueOrDefault("sys_id", "")] = record;
                }
                catch (SyncException e) when (e.Kind == FailureKind.Transient)
                {
                    foreach (var item in chunk)
                    {
                        item.Attempts++;
                        item.LastError = "reading back after an unanswered write failed: " + e.Message;
                    }
                    continue;
                }
                catch (SyncException e)
                {
                    foreach (var item in chunk)
                        item.Fail(e.Kind, $"{item.Label}: reading back after an unanswered write failed: {e.Message}");
                    continue;
                }
                foreach (var item in chunk)
                    Apply(item, found.GetValueOrDefault(item.SysId));
            }
        }
    }

    static void Apply(WriteItem item, IReadOnlyDictionary<string, string>? record)
    {
        item.NeedsReadBack = false;
        if (record is null)
        {
            item.Fail(FailureKind.NotFound, $"{item.Label}: the record no longer exists (or an ACL hides it); it was deleted or moved since it was read");
            return;
        }
        item.Remaining = item.Remaining
            .Where(f => !record.TryGetValue(f.Key, out var current) || !WriteItem.Same(current, f.Value))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (item.Remaining.Count == 0)
            item.Succeed();
    }
}
