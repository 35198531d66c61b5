using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// The strip at the top of every page: running, paused (and why) or disabled; the last cycle (when, how long, outcome
/// counts); when the next is due; the rules version; open failures; and a "stale" warning when no cycle has finished
/// within three intervals.
/// </summary>
static class StatusStrip
{
    public static async Task RenderAsync(Html html, HttpContext http, ConsoleContext console)
    {
        var ct = http.RequestAborted;
        var state = console.Service.State;
        var definition = console.Service.Definition;
        var now = console.Time.GetUtcNow();
        var last = await console.Queries.LastFinishedRunAsync(ct).ConfigureAwait(false);
        var openFailures = await console.OpenFailureCountAsync(ct).ConfigureAwait(false);

        string mode, why;
        if (definition is { Enabled: false })
            (mode, why) = ("disabled", $"enabled: false in {definition.FilePath}");
        else if (state.Paused)
            (mode, why) = ("paused", state.PauseReason ?? "paused from the console");
        else if (state.CycleStartedAt is { } started)
            (mode, why) = ("running", $"a cycle is in progress since {Time(started)}");
        else
            (mode, why) = ("running", "waiting for the next cycle");

        html.Raw("<section class=\"status\" id=\"status\"><dl>");
        Item(html, "state", mode, why, mode == "running" ? "ok" : "warn");
        if (last is not null)
        {
            var counts = $"seen {last.OrdersSeen}, updated {last.OrdersUpdated}, failed {last.OrdersFailed}, writes {last.Writes}";
            Item(html, "last cycle", $"#{last.RunId} at {last.FinishedAt}",
                $"{last.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture)} s; {counts}{(last.Error is null ? "" : "; " + last.Error)}",
                last.Error is null && last.OrdersFailed is 0 or null ? "ok" : "warn");
        }
        else
            Item(html, "last cycle", "none yet", "", "warn");
        Item(html, "next cycle", state.NextDueAt is { } due ? Time(due) : "not scheduled", definition is null ? "" : $"every {definition.Interval}",
            state.NextDueAt is null ? "warn" : "ok");
        Item(html, "rules", console.Service.RulesVersion ?? "not loaded", "", "ok");
        Item(html, "open failures", openFailures.ToString("N0", CultureInfo.InvariantCulture), "", openFailures > 0 ? "bad" : "ok");
        if (console.Service.Budget is { } budget)
            Item(html, "budget backlog", console.Service.Backlog.ToString("N0", CultureInfo.InvariantCulture),
                $"due POs the request budget left for later; {budget.InWindow:N0} of {budget.MaxPerHour:N0} TD SYNNEX calls in the last hour",
                console.Service.Backlog > 0 ? "warn" : "ok");
        else
            Item(html, "budget backlog", "no budget", "every due PO is checked each cycle (schedule.maxRequestsPerHour not set)", "ok");
        var crashes = console.RuleProcessCrashes;
        Item(html, "rule crashes", crashes.ToString("N0", CultureInfo.InvariantCulture),
            crashes == 0 ? "" : "rule evaluations that killed the process; those POs are skipped for that rules version",
            crashes > 0 ? "bad" : "ok");
        foreach (var (system, label) in new[] { (ConnectorMetrics.ServiceNow, "ServiceNow"), (ConnectorMetrics.TdSynnex, "TD SYNNEX") })
        {
            if (console.Collector?.Upstream.GetValueOrDefault(system) is { } upstream)
                Item(html, label, upstream.Up ? "answering" : "failing", $"last answer {upstream.Result} at {Time(upstream.At)}", upstream.Up ? "ok" : "bad");
            else
                Item(html, label, "not asked yet", "", "warn");
        }
        html.Raw("</dl>");
        if (IsStale(console, last, now) is { } stale)
            html.Raw("<p class=\"stale\" id=\"stale\">").Text(stale).Raw("</p>");
        html.Raw("</section>");
    }

    /// <summary>Why the log looks stale (no cycle finished within three intervals), or null.</summary>
    public static string? IsStale(ConsoleContext console, Sqlite.Queries.RunRow? last, DateTimeOffset now)
    {
        var definition = console.Service.Definition;
        if (definition is null || !definition.Enabled || console.Service.State.Paused)
            return null;
        var limit = definition.Interval * 3;
        var since = last?.FinishedAt is { } f && DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var finished)
            ? finished : console.StartedAt;
        return now - since > limit + TimeSpan.FromMinutes(1)
            ? $"Stale: no cycle has finished since {Time(since)} (more than three intervals of {definition.Interval})."
            : null;
    }

    static void Item(Html html, string label, string value, string detail, string tone)
    {
        html.Raw($"<div class=\"{tone}\" data-item=\"{Html.Encode(label)}\"><dt>").Text(label).Raw("</dt><dd><strong>").Text(value)
            .Raw("</strong> <span>").Text(detail).Raw("</span></dd></div>");
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
