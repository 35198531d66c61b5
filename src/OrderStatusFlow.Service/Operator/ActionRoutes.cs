using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// The actions (POST forms, token only, same origin): sync now, retry one PO, retry all open failures (capped),
/// pause and resume. Each is recorded in <c>operator_actions</c> with who and when; <c>/actions</c> lists them.
/// Sign-in keeps a cookie derived from the token; sign-out clears it.
/// </summary>
static class ActionRoutes
{
    public static void Map(IEndpointRouteBuilder app, ConsoleContext console)
    {
        app.MapGet("/actions", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, console)));
        app.MapGet("/signin", (Func<HttpContext, Task<IResult>>)(http => SignInForm(http, console, null)));
        app.MapPost("/signin", (Func<HttpContext, Task<IResult>>)(http => SignInAsync(http, console)));
        app.MapPost("/signout", (Func<HttpContext, IResult>)SignOut);
        app.MapPost("/actions/{action}", (HttpContext http, string action) => ActAsync(http, console, action));
    }

    static async Task<IResult> ActAsync(HttpContext http, ConsoleContext console, string action)
    {
        if (ConsoleAuth.Refusal(http, console.Options) is { } refusal)
            return Results.Text(refusal, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var ct = http.RequestAborted;
        string? target = null, detail = null;
        var back = "/";
        switch (action)
        {
            case "sync":
                console.Service.RequestCycle();
                detail = "cycle requested";
                break;
            case "retry":
                target = form?["po"].ToString().Trim();
                if (string.IsNullOrEmpty(target))
                    return Results.Text("Say which PO: a form field po with its number.", statusCode: StatusCodes.Status400BadRequest);
                console.Service.SyncNow.Request([target]);
                detail = "the PO is due now: the next cycle checks it whatever its next check time (within the budget)";
                back = $"/po?number={Html.Url(target)}";
                break;
            case "retry-failures":
                var open = await console.Log.OpenFailureCountAsync(ct);
                var failing = await console.Log.OpenFailuresAsync(null, null, ConsoleContext.RetryCap, ct);
                target = failing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (failing.Count > 0)
                    console.Service.SyncNow.Request(failing.Select(f => f.PoNumber)); // an empty request would mean every PO
                detail = $"{failing.Count} of {open} open failure(s) made due for the next cycle (most recent first, at most {ConsoleContext.RetryCap})";
                back = "/failures";
                break;
            case "pause":
                detail = form?["reason"].ToString() is { Length: > 0 } reason ? reason : null;
                console.Service.SetPaused(true, $"paused by {ConsoleAuth.Who(http)}{(detail is null ? "" : ": " + detail)}");
                break;
            case "resume":
                console.Service.SetPaused(false, null);
                break;
            default:
                return Results.NotFound();
        }
        await console.Actions.RecordAsync(new OperatorAction(console.Time.GetUtcNow(), ConsoleAuth.Who(http), action.Replace('-', '_'), target, detail), ct);
        return Results.Redirect(back, permanent: false, preserveMethod: false);
    }

    static async Task<IResult> ListAsync(HttpContext http, ConsoleContext console)
    {
        var rows = await console.Actions.RecentAsync(ConsoleContext.PageSize, http.RequestAborted);
        var table = new ConsoleTable("actions", "at", "who", "action", "target", "detail");
        foreach (var r in rows)
            table.Add(r.At, r.Who, r.Action, r.Target, r.Detail);
        if (Layout.WantsCsv(http))
            return table.Csv("operator-actions.csv");
        var html = new Html();
        html.Raw("<h2>Actions</h2><div class=\"toolbar\">");
        Layout.ActionButton(html, http, console, "sync", "Sync now");
        if (console.Service.State.Paused)
            Layout.ActionButton(html, http, console, "resume", "Resume");
        else
            Layout.ActionButton(html, http, console, "pause", "Pause");
        html.Raw("</div><p class=\"hint\">Pause survives a restart; <code>enabled: false</code> in the pipeline file wins over resume.</p>");
        table.Render(html, "No action recorded yet.");
        Layout.CsvLink(html, http);
        return await Layout.PageAsync(http, console, "Actions", "/actions", html);
    }

    static Task<IResult> SignInForm(HttpContext http, ConsoleContext console, string? error)
    {
        var html = new Html();
        html.Raw("<h2>Sign in</h2>");
        if (console.Options.Token is null)
            html.Raw("<p>No console token is configured, so the console is read-only. Set OSF_CONSOLE_TOKEN and restart to enable actions.</p>");
        else
        {
            if (error is not null)
                html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            html.Raw("<form method=\"post\" action=\"/signin\" class=\"signin\">")
                .Raw("<label>Your name <input name=\"name\" autocomplete=\"username\" maxlength=\"60\"></label>")
                .Raw("<label>Console token <input type=\"password\" name=\"token\" autocomplete=\"current-password\"></label>")
                .Raw("<button type=\"submit\">Sign in</button></form>");
        }
        return Layout.PageAsync(http, console, "Sign in", "", html, refresh: false);
    }

    static async Task<IResult> SignInAsync(HttpContext http, ConsoleContext console)
    {
        if (console.Options.Token is not { } token)
            return Results.Text("This console is read-only: no console token is configured.", statusCode: StatusCodes.Status403Forbidden);
        if (!ConsoleAuth.SameOrigin(http))
            return Results.Text("The form did not come from this console.", statusCode: StatusCodes.Status403Forbidden);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!ConsoleAuth.TokenMatches(form["token"].ToString(), token))
        {
            var page = await SignInForm(http, console, "That is not the console token.");
            return new StatusResult(page, StatusCodes.Status403Forbidden);
        }
        var cookie = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", Secure = http.Request.IsHttps };
        http.Response.Cookies.Append(ConsoleAuth.SessionCookie, ConsoleAuth.SessionValue(token), cookie);
        var name = form["name"].ToString().Trim();
        http.Response.Cookies.Append(ConsoleAuth.NameCookie, Uri.EscapeDataString(name.Length == 0 ? "operator" : name[..Math.Min(60, name.Length)]), cookie);
        return Results.Redirect("/");
    }

    static IResult SignOut(HttpContext http)
    {
        if (!ConsoleAuth.SameOrigin(http))
            return Results.Text("The form did not come from this console.", statusCode: StatusCodes.Status403Forbidden);
        http.Response.Cookies.Delete(ConsoleAuth.SessionCookie);
        http.Response.Cookies.Delete(ConsoleAuth.NameCookie);
        return Results.Redirect("/");
    }

    sealed class StatusResult(IResult inner, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
