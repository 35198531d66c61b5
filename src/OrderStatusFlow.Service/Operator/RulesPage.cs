using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Service.Operator;

/// <summary><c>/rules</c>: the active rules version and its files, and recent loads with their errors (file:line:col).</summary>
static class RulesPage
{
    public static void Map(IEndpointRouteBuilder app, ConsoleContext console) =>
        app.MapGet("/rules", (Func<HttpContext, Task<IResult>>)(http => RenderAsync(http, console)));

    static async Task<IResult> RenderAsync(HttpContext http, ConsoleContext console)
    {
        var ct = http.RequestAborted;
        var before = Layout.Cursor(http, "before", long.MaxValue);
        var loads = await console.Queries.RuleLoadsAsync(before, ConsoleContext.PageSize, ct);
        var table = new ConsoleTable("rule-loads", "load", "at", "version", "outcome", "files", "error");
        foreach (var l in loads)
            table.Add(l.LoadId.ToString(CultureInfo.InvariantCulture), l.At, l.RulesVersion, l.Outcome, FileNames(l.FilesJson), l.Error);
        if (Layout.WantsCsv(http))
            return table.Csv("rule-loads.csv");

        var html = new Html();
        html.Raw("<h2>Rules</h2>");
        var active = await console.Queries.ActiveRuleLoadAsync(ct);
        html.Raw("<p>Active version: <strong id=\"rules-version\">").Text(console.Service.RulesVersion ?? active?.RulesVersion ?? "none").Raw("</strong>");
        if (active is not null)
            html.Raw(" (loaded ").Text(active.At).Raw(")");
        html.Raw("</p>");
        if (active?.FilesJson is { } files)
        {
            html.Raw("<ul class=\"files\">");
            foreach (var name in FileList(files))
                html.Raw("<li>").Text(name).Raw("</li>");
            html.Raw("</ul>");
        }
        html.Raw("<h3>Recent loads</h3>");
        table.Render(html, "No rule load recorded yet.");
        Layout.NextPage(html, http, "before", loads.Count == ConsoleContext.PageSize ? loads[^1].LoadId : null);
        Layout.CsvLink(html, http);
        return await Layout.PageAsync(http, console, "Rules", "/rules", html);
    }

    static string FileNames(string? json) => json is null ? "" : string.Join(", ", FileList(json));

    /// <summary>The files of a load as "name (hash)"; the raw text when it is not the expected JSON.</summary>
    static IEnumerable<string> FileList(string json)
    {
        JToken parsed;
        try
        {
            parsed = JToken.Parse(json);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return [json];
        }
        return parsed is JArray array
            ? array.Select(f => f is JObject o ? $"{(string?)o["file"]} {Short((string?)o["sha256"])}".Trim() : f.ToString())
            : [json];
    }

    static string Short(string? hash) => hash is null ? "" : hash[..Math.Min(12, hash.Length)];
}
