using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// <c>/failures</c>: the open-failures inbox (one row per PO whose last outcome failed: error, since when, how many
/// cycles in a row) and the resolved list (failed, then succeeded), both filtered by text.
/// </summary>
static class FailuresPage
{
    public static void Map(IEndpointRouteBuilder app, ConsoleContext console) =>
        app.MapGet("/failures", (Func<HttpContext, Task<IResult>>)(http => RenderAsync(http, console)));

    static async Task<IResult> RenderAsync(HttpContext http, ConsoleContext console)
    {
        var ct = http.RequestAborted;
        var text = http.Request.Query["q"].ToString();
        var resolved = http.Request.Query["view"] == "resolved";
        var before = Layout.Cursor(http, "before", long.MaxValue);
        var after = http.Request.Query["after"].ToString() is { Length: > 0 } a ? a : null;
        var html = new Html();
        html.Raw("<h2>Failures</h2><form class=\"filter\" method=\"get\" action=\"/failures\">")
            .Raw(resolved ? "<input type=\"hidden\" name=\"view\" value=\"resolved\">" : "")
            .Raw("<label>Filter <input type=\"search\" name=\"q\" value=\"").Text(text).Raw("\" placeholder=\"PO number or error text\"></label>")
            .Raw("<button type=\"submit\">Filter</button></form><p class=\"filters\">")
            .Raw(resolved ? "<a href=\"/failures\">open</a> · <strong>resolved</strong>" : "<strong>open</strong> · <a href=\"/failures?view=resolved\">resolved</a>")
            .Raw("</p>");
        ConsoleTable table;
        long? next = null;
        if (resolved)
        {
            var rows = await console.Log.ResolvedFailuresAsync(text, before, ConsoleContext.PageSize, ct);
            table = new ConsoleTable("resolved", "PO", "failed at", "error", "resolved at").LinkColumn(0, r => $"/po?number={Html.Url(r[0])}");
            foreach (var r in rows)
                table.Add(r.PoNumber, r.FailedAt, r.Error, r.ResolvedAt);
            next = rows.Count == ConsoleContext.PageSize ? rows[^1].EventId : null;
        }
        else
        {
            var rows = await console.Log.OpenFailuresAsync(text, after, ConsoleContext.PageSize, ct);
            table = new ConsoleTable("open-failures", "PO", "error", "since", "cycles in a row", "last failed", "cycle", "TD SYNNEX")
                .LinkColumn(0, r => $"/po?number={Html.Url(r[0])}");
            foreach (var r in rows)
                table.Add(r.PoNumber, r.Error, r.FailingSince, r.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture), r.At, r.RunId.ToString(CultureInfo.InvariantCulture), r.TdsStatus);
            after = rows.Count == ConsoleContext.PageSize ? Sqlite.Queries.ActivityLogQueries.OpenFailureCursor(rows[^1]) : null;
            html.Raw("<div class=\"toolbar\">");
            Layout.ActionButton(html, http, console, "retry-failures", $"Retry all open failures (at most {ConsoleContext.RetryCap})");
            html.Raw("</div>");
        }
        if (Layout.WantsCsv(http))
            return table.Csv(resolved ? "resolved-failures.csv" : "open-failures.csv");
        table.Render(html, resolved ? "No resolved failure matches." : "No open failure matches.");
        if (resolved)
            Layout.NextPage(html, http, "before", next);
        else
            Layout.NextPage(html, http, "after", after);
        Layout.CsvLink(html, http);
        return await Layout.PageAsync(http, console, "Failures", "/failures", html);
    }
}
