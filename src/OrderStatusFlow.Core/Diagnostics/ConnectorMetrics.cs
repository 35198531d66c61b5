using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>
/// The connector's one <see cref="Meter"/> (<c>OrderStatusFlow</c>) and its instruments. Names are the Prometheus
/// names the console's <c>/metrics</c> exposes (base units, <c>_total</c> on counters); labels never carry a PO.
/// </summary>
public static class ConnectorMetrics
{
    public const string MeterName = "OrderStatusFlow";

    /// <summary>The two remote systems, as the <c>system</c> label spells them.</summary>
    public const string ServiceNow = "servicenow";
    public const string TdSynnex = "tdsynnex";

    public static readonly Meter Meter = new(MeterName);

    static readonly Counter<long> _cycles = Meter.CreateCounter<long>("orderstatusflow_cycles_total", description: "Cycles run, by result (ok, failures, error, cancelled).");
    static readonly Histogram<double> _cycleDuration = Meter.CreateHistogram<double>("orderstatusflow_cycle_duration_seconds", "s", "How long a cycle took.");
    static readonly Counter<long> _outcomes = Meter.CreateCounter<long>("orderstatusflow_po_outcomes_total", description: "POs handled, by outcome.");
    static readonly Histogram<double> _upstream = Meter.CreateHistogram<double>("orderstatusflow_upstream_request_duration_seconds", "s", "Requests to ServiceNow and TD SYNNEX, by system and result.");
    static readonly Counter<long> _retries = Meter.CreateCounter<long>("orderstatusflow_upstream_retries_total", description: "Requests retried, by system.");
    static readonly Counter<long> _rateLimitWaits = Meter.CreateCounter<long>("orderstatusflow_rate_limit_waits_total", description: "Times a request waited for a rate limit (own spacing or a 429 Retry-After), by system.");
    static readonly Counter<long> _ruleFailures = Meter.CreateCounter<long>("orderstatusflow_rule_evaluation_failures_total", description: "PO evaluations where a rule failed.");
    static readonly Counter<long> _ruleReloads = Meter.CreateCounter<long>("orderstatusflow_rule_reloads_total", description: "Rule set loads, by outcome (active, rejected).");

    public static void Cycle(string result, TimeSpan duration)
    {
        _cycles.Add(1, new KeyValuePair<string, object?>("result", result));
        _cycleDuration.Record(duration.TotalSeconds);
    }

    public static void PoOutcome(string outcome) => _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One HTTP exchange (one attempt). <paramref name="result"/>: the status class (<c>2xx</c>, <c>4xx</c>, <c>429</c>, <c>5xx</c>), <c>timeout</c> or <c>unreachable</c>.</summary>
    public static void UpstreamRequest(string system, string result, TimeSpan duration) =>
        _upstream.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("system", system), new KeyValuePair<string, object?>("result", result));

    /// <summary>The <c>result</c> label for an HTTP status code.</summary>
    public static string StatusResult(int status) => status switch
    {
        429 => "429",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        _ => "5xx",
    };

    public static void Retry(string system) => _retries.Add(1, new KeyValuePair<string, object?>("system", system));

    public static void RateLimitWait(string system) => _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("system", system));

    public static void RuleEvaluationFailure() => _ruleFailures.Add(1);

    public static void RuleReload(string outcome) => _ruleReloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A timestamp for <see cref="Since"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    public static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
