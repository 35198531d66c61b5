using System.Text;
using System.Text.Json;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>
/// Writes exported events as CSV (RFC 4180: a header line, fields with a comma, quote, CR or LF quoted, quotes
/// doubled, CRLF line ends) or JSON Lines (one object per line, the <c>sync_events</c> column names as keys).
/// Rows are written as they arrive, so memory stays flat whatever the export's size.
/// </summary>
public static class EventExportWriter
{
    private static readonly string[] _columns =
        ["event_id", "run_id", "at", "po_number", "po_sys_id", "outcome", "tds_status", "previous_status", "new_status", "fields_json", "error", "detail", "rules_version"];

    /// <summary>Writes every row; returns how many were written.</summary>
    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<PoEventRow> rows, TextWriter output, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync(string.Join(',', _columns) + "\r\n").ConfigureAwait(false);
        var count = 0L;
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                AppendCsv(line, values[i]);
            }

            await output.WriteAsync(line.Append("\r\n").ToString()).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes every row as one JSON object per line; null columns are written as null.</summary>
    public static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<PoEventRow> rows, TextWriter output, CancellationToken cancellationToken = default)
    {
        var count = 0L;
        var buffer = new MemoryStream();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("event_id", row.EventId);
                json.WriteNumber("run_id", row.RunId);
                var values = Values(row);
                for (var i = 2; i < _columns.Length; i++)
                {
                    json.WriteString(_columns[i], values[i]);
                }

                json.WriteEndObject();
            }

            await output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n").ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static string?[] Values(PoEventRow r) =>
    [
        r.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        r.At, r.PoNumber, r.PoSysId, r.Outcome, r.TdsStatus, r.PreviousStatus, r.NewStatus, r.FieldsJson, r.Error, r.Detail, r.RulesVersion,
    ];

    private static void AppendCsv(StringBuilder line, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
