using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// Streams <c>sync_events</c> rows matching a filter, oldest first, with a data reader (one row in memory at a time).
/// A time range walks the <c>at</c> index, a PO number the per-PO index.
/// </summary>
internal static class EventExport
{
    private const string Select = """
        SELECT event_id, run_id, at, po_number, po_sys_id, outcome, tds_status, previous_status, new_status,
               fields_json, error, detail, rules_version
        FROM sync_events
        """;

    public static async IAsyncEnumerable<PoEventRow> StreamAsync(
        string path, TimeSpan busyTimeout, EventExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = SqliteConnections.OpenReader(path, busyTimeout);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (filter.Since is { } since)
        {
            where.Add("at >= $since");
            command.Parameters.AddWithValue("$since", ActivityLogTimestamps.ToText(since));
        }

        if (filter.Until is { } until)
        {
            where.Add("at < $until");
            command.Parameters.AddWithValue("$until", ActivityLogTimestamps.ToText(until));
        }

        if (!string.IsNullOrEmpty(filter.Outcome))
        {
            where.Add("outcome = $outcome");
            command.Parameters.AddWithValue("$outcome", filter.Outcome);
        }

        if (!string.IsNullOrEmpty(filter.PoNumber))
        {
            where.Add("po_number = $po");
            command.Parameters.AddWithValue("$po", filter.PoNumber);
        }

        // With a PO the per-PO index gives its events in order; otherwise event order is time order.
        command.CommandText = Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
                              (filter.PoNumber is { Length: > 0 } ? " ORDER BY po_number, event_id;" : " ORDER BY event_id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PoEventRow
            {
                EventId = reader.GetInt64(0),
                RunId = reader.GetInt64(1),
                At = reader.GetString(2),
                PoNumber = reader.GetString(3),
                PoSysId = reader.GetString(4),
                Outcome = reader.GetString(5),
                TdsStatus = Text(reader, 6),
                PreviousStatus = Text(reader, 7),
                NewStatus = Text(reader, 8),
                FieldsJson = Text(reader, 9),
                Error = Text(reader, 10),
                Detail = Text(reader, 11),
                RulesVersion = Text(reader, 12),
            };
        }
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
