using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// <c>/po?number=</c>: one PO's history, newest first (fields written, status before and after, the TD SYNNEX status
/// received, the rules version, the error) and its current <c>po_state</c> row when the log has one.
/// </summary>
static class PoPage
{
    public static void Map(IEndpointRouteBuilder app, ConsoleContext console) =>
        app.MapGet("/po", (Func<HttpContext, Task<IResult>>)(http => RenderAsync(http, console)));

    static async Task<IResult> RenderAsync(HttpContext http, ConsoleContext console)
    {
        var ct = http.RequestAborted;
        var number = http.Request.Query["number"].ToString().Trim();
        var before = Layout.Cursor(http, "before", long.MaxValue);
        var table = new ConsoleTable("po-history", "event", "cycle", "at", "outcome", "TD SYNNEX", "before", "after", "fields written", "rules", "error")
            .LinkColumn(1, r => $"/cycles/{r[1]}");
        var events = number.Length == 0 ? [] : await console.Queries.PoEventsAsync(number, before, ConsoleContext.PageSize, ct);
        foreach (var e in events)
            table.Add(e.EventId.ToString(CultureInfo.InvariantCulture), e.RunId.ToString(CultureInfo.InvariantCulture), e.At, e.Outcome,
                e.TdsStatus, e.PreviousStatus, e.NewStatus, e.FieldsJson, e.RulesVersion, e.Error ?? e.Detail);
        if (Layout.WantsCsv(http))
            return table.Csv("po-history.csv");

        var html = new Html();
        html.Raw("<h2>PO history</h2><form class=\"filter\" method=\"get\" action=\"/po\">")
            .Raw("<label>PO number <input type=\"search\" name=\"number\" value=\"").Text(number).Raw("\" placeholder=\"e.g. PO0001001\"></label>")
            .Raw("<button type=\"submit\">Search</button></form>");
        if (number.Length > 0)
        {
            if (events.Count == 0 && before == long.MaxValue)
            {
                var similar = await console.Queries.PoNumbersStartingWithAsync(number, ct);
                html.Raw("<p class=\"empty\">No event for PO ").Text(number).Raw(similar.Count > 0 ? ". PO numbers starting with it:" : ".").Raw("</p>");
                if (similar.Count > 0)
                {
                    html.Raw("<ul class=\"suggest\">");
                    foreach (var s in similar)
                        html.Raw("<li>").Link($"/po?number={Html.Url(s)}", s).Raw("</li>");
                    html.Raw("</ul>");
                }
            }
            else
            {
                html.Raw("<h3>PO ").Text(number).Raw("</h3><div class=\"toolbar\">");
                Layout.ActionButton(html, http, console, "retry", "Retry this PO", number);
                html.Raw("</div>");
                await RenderStateAsync(html, console, number, ct);
                table.Render(html, "No more events.");
                Layout.NextPage(html, http, "before", events.Count == ConsoleContext.PageSize ? events[^1].EventId : null);
                Layout.CsvLink(html, http);
            }
        }
        return await Layout.PageAsync(http, console, number.Length > 0 ? $"PO {number}" : "PO history", "/po", html, refresh: false);
    }

    static async Task RenderStateAsync(Html html, ConsoleContext console, string number, CancellationToken ct)
    {
        if (await console.Log.PoStateAsync(number, ct) is not { } state)
            return;
        html.Raw("<table class=\"state\" data-list=\"po-state\"><caption>Current state (po_state)</caption><tbody>");
        foreach (var (label, value) in new (string, string?)[]
                 {
                     ("po_sys_id", state.PoSysId), ("status", state.Status), ("tds_status", state.TdsStatus),
                     ("last_outcome", state.LastOutcome), ("last_run_id", state.LastRunId?.ToString(CultureInfo.InvariantCulture)),
                     ("last_checked_at", state.LastCheckedAt), ("last_changed_at", state.LastChangedAt),
                     ("failing_since", state.FailingSince),
                     ("consecutive_failures", state.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)),
                     ("next_check_at", state.NextCheckAt ?? "every cycle"), ("last_error", state.LastError),
                 })
            html.Raw("<tr><th>").Text(label).Raw("</th><td>").Text(value).Raw("</td></tr>");
        html.Raw("</tbody></table>");
    }
}
