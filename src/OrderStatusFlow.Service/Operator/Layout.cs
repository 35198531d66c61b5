using Microsoft.AspNetCore.Http;

namespace OrderStatusFlow.Service.Operator;

/// <summary>The frame of every page: head, navigation, sign-in state, the status strip, then the page's own body.</summary>
static class Layout
{
    /// <summary>Seconds between automatic reloads (a meta refresh: no script).</summary>
    public const int RefreshSeconds = 15;

    public static async Task<IResult> PageAsync(HttpContext http, ConsoleContext console, string title, string current, Html body, bool refresh = true)
    {
        var html = new Html();
        html.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refresh)
            html.Raw($"<meta http-equiv=\"refresh\" content=\"{RefreshSeconds}\">");
        html.Raw("<title>").Text(title).Raw(" · OrderStatusFlow</title><link rel=\"stylesheet\" href=\"/console.css\"></head><body>");
        html.Raw("<header><h1>OrderStatusFlow · Sync Activity Log</h1><nav>");
        foreach (var (href, label) in new[] { ("/", "Cycles"), ("/failures", "Failures"), ("/po", "PO history"), ("/rules", "Rules"), ("/actions", "Actions") })
            html.Raw(href == current ? "<a class=\"current\" href=\"" : "<a href=\"").Raw(href).Raw("\">").Text(label).Raw("</a>");
        html.Raw("</nav>");
        SignInState(html, http, console);
        html.Raw("</header>");
        await StatusStrip.RenderAsync(html, http, console).ConfigureAwait(false);
        html.Raw("<main>").Raw(body.ToString()).Raw("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    static void SignInState(Html html, HttpContext http, ConsoleContext console)
    {
        html.Raw("<div class=\"who\">");
        if (console.Options.Token is null)
            html.Raw("<span class=\"readonly\">read-only (no console token configured)</span>");
        else if (ConsoleAuth.IsSignedIn(http, console.Options))
            html.Raw("<form method=\"post\" action=\"/signout\"><button type=\"submit\">Sign out</button></form>");
        else
            html.Raw("<a href=\"/signin\">Sign in to act</a>");
        html.Raw("</div>");
    }

    /// <summary>An action button (a POST form); only rendered for a signed-in operator.</summary>
    public static void ActionButton(Html html, HttpContext http, ConsoleContext console, string action, string label, string? po = null)
    {
        if (!ConsoleAuth.IsSignedIn(http, console.Options))
            return;
        html.Raw($"<form class=\"action\" method=\"post\" action=\"/actions/{action}\">");
        if (po is not null)
            html.Raw("<input type=\"hidden\" name=\"po\" value=\"").Text(po).Raw("\">");
        html.Raw("<button type=\"submit\" data-action=\"").Raw(action).Raw("\">").Text(label).Raw("</button></form>");
    }

    /// <summary>"Older" link for a keyset page: the same query with the cursor moved past the last row shown.</summary>
    public static void NextPage(Html html, HttpContext http, string cursorName, long? cursor) =>
        NextPage(html, http, cursorName, cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void NextPage(Html html, HttpContext http, string cursorName, string? cursor)
    {
        if (cursor is null)
            return;
        var query = http.Request.Query.Where(q => q.Key != cursorName && q.Key != "format")
            .Select(q => $"{Html.Url(q.Key)}={Html.Url(q.Value.ToString())}")
            .Append($"{cursorName}={Html.Url(cursor)}");
        html.Raw("<p class=\"more\">").Link($"{http.Request.Path}?{string.Join("&", query)}", "next page →").Raw("</p>");
    }

    /// <summary>Link to the CSV export of what the page shows.</summary>
    public static void CsvLink(Html html, HttpContext http)
    {
        var query = http.Request.Query.Where(q => q.Key != "format")
            .Select(q => $"{Html.Url(q.Key)}={Html.Url(q.Value.ToString())}")
            .Append("format=csv");
        html.Raw("<p class=\"export\">").Link($"{http.Request.Path}?{string.Join("&", query)}", "Export this view as CSV").Raw("</p>");
    }

    public static bool WantsCsv(HttpContext http) => http.Request.Query["format"] == "csv";

    public static long Cursor(HttpContext http, string name, long fallback) =>
        long.TryParse(http.Request.Query[name], out var value) && value > 0 ? value : fallback;
}
