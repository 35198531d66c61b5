using System.Text.Json;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Sqlite.Queries;
using static OrderStatusFlow.Integration.Tests.Sqlite.ActivityEntries;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary><c>log export</c>'s query and writers: filters, CSV quoting, JSON Lines.</summary>
public sealed class EventExportTests
{
    private const string Nasty = "refused, \"u_tds_order_status\" is read-only\r\nsecond line";

    [Test]
    public async Task ExportEvents_Filters_OnlyMatchingEventsOldestFirst()
    {
        await using var db = await PopulatedAsync();
        var queries = ActivityLogQueries.Open(db.DbPath);

        var window = await ListAsync(queries.ExportEventsAsync(new EventExportFilter { Since = T0.AddMinutes(1), Until = T0.AddMinutes(3) }));
        var failed = await ListAsync(queries.ExportEventsAsync(new EventExportFilter { Outcome = "failed" }));
        var po = await ListAsync(queries.ExportEventsAsync(new EventExportFilter { PoNumber = PoNumber(2) }));
        var all = await ListAsync(queries.ExportEventsAsync(new EventExportFilter()));

        Assert.Multiple(() =>
        {
            Assert.That(window.Select(e => e.At), Is.EqualTo(new[] { "2026-11-27T08:01:00.000Z", "2026-11-27T08:02:00.000Z" }));
            Assert.That(failed.Select(e => (e.PoNumber, e.Error)), Is.EqualTo(new[] { (PoNumber(3), (string?)Nasty) }));
            Assert.That(po.Select(e => e.PoNumber), Is.EqualTo(new[] { PoNumber(2), PoNumber(2) }));
            Assert.That(all.Select(e => e.EventId).ToList(), Is.Ordered.And.Count.EqualTo(5));
            Assert.That(all.Select(e => e.RulesVersion), Has.All.EqualTo("v1"), "every event carries its rules version");
        });
    }

    [Test]
    public async Task WriteCsv_FieldsWithCommasQuotesAndNewlines_QuotedAndDoubled()
    {
        await using var db = await PopulatedAsync();
        var output = new StringWriter();

        var count = await EventExportWriter.WriteCsvAsync(
            ActivityLogQueries.Open(db.DbPath).ExportEventsAsync(new EventExportFilter { Outcome = "failed" }), output);

        var text = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That(text, Does.StartWith("event_id,run_id,at,po_number,po_sys_id,outcome,tds_status,previous_status,new_status,fields_json,error,detail,rules_version\r\n"));
            Assert.That(text, Does.Contain(",failed,accepted,,,,\"refused, \"\"u_tds_order_status\"\" is read-only\r\nsecond line\",,v1\r\n"));
            Assert.That(ParseCsv(text)[1][10], Is.EqualTo(Nasty), "a CSV reader gets the error back unchanged");
        });
    }

    [Test]
    public async Task WriteJsonLines_Events_OneObjectPerLineWithColumnNames()
    {
        await using var db = await PopulatedAsync();
        var output = new StringWriter();

        var count = await EventExportWriter.WriteJsonLinesAsync(
            ActivityLogQueries.Open(db.DbPath).ExportEventsAsync(new EventExportFilter()), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failed = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("outcome").GetString() == "failed");
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(5));
            Assert.That(lines, Has.Length.EqualTo(5));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo(Nasty));
            Assert.That(failed.GetProperty("run_id").GetInt64(), Is.EqualTo(1));
            Assert.That(failed.GetProperty("detail").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    private static async Task<TempActivityLog> PopulatedAsync()
    {
        var db = await TempActivityLog.CreateAsync();
        var run = await db.Log.StartRunAsync(Run(), CancellationToken.None);
        await db.Log.RecordEventsAsync(
        [
            Event(run, 1, SyncOutcome.Updated, at: T0),
            Event(run, 2, SyncOutcome.Updated, at: T0.AddMinutes(1)),
            Event(run, 3, SyncOutcome.Failed, newStatus: null, at: T0.AddMinutes(2), error: Nasty),
            Event(run, 2, SyncOutcome.Updated, at: T0.AddMinutes(3)),
            Event(run, 4, SyncOutcome.Unchanged, at: T0.AddMinutes(4)),
            Event(run, 5, SyncOutcome.Unchanged, at: T0.AddMinutes(4)) with { StateOnly = true },
        ], CancellationToken.None);
        return db;
    }

    private static async Task<List<PoEventRow>> ListAsync(IAsyncEnumerable<PoEventRow> rows)
    {
        var list = new List<PoEventRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    // A minimal RFC 4180 reader, enough to prove the round trip.
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>> { new() };
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { rows[^1].Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { rows[^1].Add(field.ToString()); field.Clear(); rows.Add(new()); }
            else field.Append(c);
        }

        rows.RemoveAt(rows.Count - 1);
        return rows;
    }
}
