using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format (version 0.0.4): the collected counters and histograms, plus gauges
/// read at scrape time (last successful cycle, open failures, each remote system's state, build info with the rules
/// version). Every family has HELP and TYPE lines, so a family is listed even before it first counts.
/// </summary>
static class MetricsRoute
{
    /// <summary>Families written even when nothing was recorded yet, with their type and help.</summary>
    static readonly (string Name, string Type, string Help)[] Families =
    [
        ("orderstatusflow_cycles_total", "counter", "Cycles run, by result (ok, failures, error, cancelled)."),
        ("orderstatusflow_cycle_duration_seconds", "histogram", "How long a cycle took."),
        ("orderstatusflow_po_outcomes_total", "counter", "POs handled, by outcome."),
        ("orderstatusflow_upstream_request_duration_seconds", "histogram", "Requests to ServiceNow and TD SYNNEX, by system and result."),
        ("orderstatusflow_upstream_retries_total", "counter", "Requests retried, by system."),
        ("orderstatusflow_rate_limit_waits_total", "counter", "Times a request waited for a rate limit (own spacing or a 429 Retry-After), by system."),
        ("orderstatusflow_rule_evaluation_failures_total", "counter", "PO evaluations where a rule failed."),
        ("orderstatusflow_rule_reloads_total", "counter", "Rule set loads, by outcome (active, rejected)."),
    ];

    public static void Map(IEndpointRouteBuilder app, ConsoleContext console, MetricsCollector collector) =>
        app.MapGet("/metrics", (Func<HttpContext, Task<IResult>>)(async http =>
            Results.Text(await WriteAsync(console, collector, http.RequestAborted), "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8)));

    public static async Task<string> WriteAsync(ConsoleContext console, MetricsCollector collector, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var snapshot = collector.Snapshot();
        foreach (var (name, type, help) in Families)
        {
            sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var ((_, labels), series) in snapshot.Where(s => s.Key.Name == name))
            {
                if (series.Bounds is null)
                {
                    Sample(sb, name, labels, series.Sum);
                    continue;
                }
                var (cumulative, sum, count) = series.Read();
                for (var i = 0; i < cumulative.Length; i++)
                {
                    var le = i < series.Bounds.Length ? series.Bounds[i].ToString("R", CultureInfo.InvariantCulture) : "+Inf";
                    Sample(sb, name + "_bucket", Join(labels, $"le=\"{le}\""), cumulative[i]);
                }
                Sample(sb, name + "_sum", labels, sum);
                Sample(sb, name + "_count", labels, count);
            }
        }

        Gauge(sb, "orderstatusflow_last_successful_cycle_timestamp_seconds", "When the last cycle that ran to the end finished (Unix time).");
        if (console.Service.State.LastSuccessAt is { } success)
            Sample(sb, "orderstatusflow_last_successful_cycle_timestamp_seconds", "", success.ToUnixTimeMilliseconds() / 1000.0);
        Gauge(sb, "orderstatusflow_open_failures", "POs whose last outcome is failed.");
        Sample(sb, "orderstatusflow_open_failures", "", await console.OpenFailureCountAsync(ct));
        sb.Append("# HELP orderstatusflow_rule_process_crashes_total Times a rule evaluation killed the process (the supervisor restarted it without that PO).\n")
            .Append("# TYPE orderstatusflow_rule_process_crashes_total counter\n");
        Sample(sb, "orderstatusflow_rule_process_crashes_total", "", console.RuleProcessCrashes);
        Gauge(sb, "orderstatusflow_paused", "1 while paused from the console or disabled in the pipeline file.");
        Sample(sb, "orderstatusflow_paused", "", console.Service.State.Paused || console.Service.Definition is { Enabled: false } ? 1 : 0);
        Gauge(sb, "orderstatusflow_upstream_up", "1 when the system's last answer was usable, 0 when it failed, timed out or was rate limited.");
        foreach (var (system, state) in collector.Upstream.OrderBy(u => u.Key, StringComparer.Ordinal))
            Sample(sb, "orderstatusflow_upstream_up", $"system=\"{MetricsCollector.Escape(system)}\"", state.Up ? 1 : 0);
        Gauge(sb, "orderstatusflow_build_info", "Always 1; the labels say which build and rules version run.");
        var version = typeof(MetricsRoute).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Sample(sb, "orderstatusflow_build_info",
            $"rules_version=\"{MetricsCollector.Escape(console.Service.RulesVersion ?? "")}\",version=\"{MetricsCollector.Escape(version)}\"", 1);
        return sb.ToString();
    }

    static void Gauge(StringBuilder sb, string name, string help) =>
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" gauge\n");

    static void Sample(StringBuilder sb, string name, string labels, double value)
    {
        sb.Append(name);
        if (labels.Length > 0)
            sb.Append('{').Append(labels).Append('}');
        sb.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    static string Join(string labels, string more) => labels.Length == 0 ? more : labels + "," + more;
}
