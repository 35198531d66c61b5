using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderStatusFlow.Service.Operator;

/// <summary><c>/</c>: cycles newest first with counts per outcome; <c>/cycles/{id}</c>: one cycle's POs, filterable by outcome.</summary>
static class CyclesPage
{
    static readonly string[] Outcomes = ["updated", "unchanged", "skipped", "failed", "would_update"];

    public static void Map(IEndpointRouteBuilder app, ConsoleContext console)
    {
        app.MapGet("/", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, console)));
        app.MapGet("/cycles/{runId:long}", (HttpContext http, long runId) => DetailAsync(http, console, runId));
    }

    static async Task<IResult> ListAsync(HttpContext http, ConsoleContext console)
    {
        var before = Layout.Cursor(http, "before", long.MaxValue);
        var runs = await console.Queries.RunsAsync(before, ConsoleContext.PageSize, http.RequestAborted);
        var table = new ConsoleTable("cycles", "cycle", "started", "finished", "seconds", "seen", "updated", "failed", "other", "writes", "rules", "dry run", "error")
            .LinkColumn(0, row => $"/cycles/{row[0]}");
        foreach (var r in runs)
        {
            var other = r.OrdersSeen - r.OrdersUpdated - r.OrdersFailed;
            table.Add(r.RunId.ToString(CultureInfo.InvariantCulture), r.StartedAt, r.FinishedAt ?? "running",
                r.DurationSeconds?.ToString("0.000", CultureInfo.InvariantCulture), N(r.OrdersSeen), N(r.OrdersUpdated),
                N(r.OrdersFailed), N(other), N(r.Writes), r.RulesVersion, r.DryRun ? "yes" : "", r.Error);
        }
        if (Layout.WantsCsv(http))
            return table.Csv("cycles.csv");
        var html = new Html();
        html.Raw("<h2>Cycles</h2><div class=\"toolbar\">");
        Layout.ActionButton(html, http, console, "sync", "Sync now");
        html.Raw("</div><p class=\"hint\">Newest first. \"other\" is unchanged + skipped (+ would update in a dry run); open a cycle for its POs.</p>");
        table.Render(html, "No cycle has run yet.");
        Layout.NextPage(html, http, "before", runs.Count == ConsoleContext.PageSize ? runs[^1].RunId : null);
        Layout.CsvLink(html, http);
        var info = await console.LogInfoAsync(http.RequestAborted);
        html.Raw("<p class=\"hint\" id=\"retention\">Activity log: retention ")
            .Text(info.Retention is null ? "not applied yet (no retention pass has run)" : $"{info.Retention} in force, last pass {info.RetentionLastPassAt}")
            .Raw("; oldest cycle kept ").Text(info.OldestRunAt ?? "none").Raw(", oldest event kept ").Text(info.OldestEventAt ?? "none")
            .Raw(".</p>");
        return await Layout.PageAsync(http, console, "Cycles", "/", html);
    }

    static async Task<IResult> DetailAsync(HttpContext http, ConsoleContext console, long runId)
    {
        var ct = http.RequestAborted;
        string? outcome = http.Request.Query["outcome"].ToString() is { Length: > 0 } o && Outcomes.Contains(o) ? o : null;
        var after = Layout.Cursor(http, "after", 0);
        var counts = await console.Queries.RunOutcomeCountsAsync(runId, ct);
        var events = await console.Queries.RunEventsAsync(runId, outcome, after, ConsoleContext.PageSize, ct);
        var table = new ConsoleTable("cycle-pos", "event", "at", "PO", "outcome", "TD SYNNEX", "before", "after", "error")
            .LinkColumn(2, row => $"/po?number={Html.Url(row[2])}");
        foreach (var e in events)
            table.Add(e.EventId.ToString(CultureInfo.InvariantCulture), e.At, e.PoNumber, e.Outcome, e.TdsStatus, e.PreviousStatus, e.NewStatus, e.Error ?? e.Detail);
        if (Layout.WantsCsv(http))
            return table.Csv($"cycle-{runId}.csv");
        var html = new Html();
        html.Raw("<h2>Cycle ").Text(runId.ToString(CultureInfo.InvariantCulture)).Raw("</h2><p class=\"filters\">Outcome: ");
        html.Raw(outcome is null ? "<strong>all</strong>" : "").Raw(outcome is null ? "" : $"<a href=\"/cycles/{runId}\">all</a>");
        foreach (var c in counts)
        {
            html.Raw(" · ");
            var label = $"{c.Outcome} ({c.Count:N0})";
            if (c.Outcome == outcome)
                html.Raw("<strong>").Text(label).Raw("</strong>");
            else
                html.Link($"/cycles/{runId}?outcome={Html.Url(c.Outcome)}", label);
        }
        html.Raw("</p>");
        table.Render(html, "No PO of this cycle matches.");
        Layout.NextPage(html, http, "after", events.Count == ConsoleContext.PageSize ? events[^1].EventId : null);
        Layout.CsvLink(html, http);
        return await Layout.PageAsync(http, console, $"Cycle {runId}", "/", html);
    }

    static string? N(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
