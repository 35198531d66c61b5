using System.Globalization;
using System.Text;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// <c>bench week --transport both</c>: the same world (N, seed) in process and over HTTP, side by side, for fixed
/// polling and the cadence. Agreement is what lets the in-process mode stand in for HTTP at 20,000 POs.
/// </summary>
internal static class WeekComparison
{
    static readonly ChangeKind[] Kinds = [ChangeKind.Released, ChangeKind.Backordered, ChangeKind.EtaChanged, ChangeKind.Partial, ChangeKind.Shipped, ChangeKind.Cancelled, ChangeKind.Invoice];

    public static string ToText(WeekRunResult inProcessFixed, WeekRunResult httpFixed, WeekRunResult inProcessCadence, WeekRunResult httpCadence)
    {
        var text = new StringBuilder();
        Line(text, $"{"in process vs HTTP (same world)",-34} {"fixed in-process",17} {"fixed http",17} {"cadence in-process",19} {"cadence http",17}");
        Row(text, "open POs (average)", r => r.AverageOpen, "N0", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "TD SYNNEX calls per PO per day", r => r.CallsPerPoPerDay, "F2", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "  PO Status", r => r.StatusCallsPerPoPerDay, "F2", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "  invoice queries", r => r.InvoiceCallsPerPoPerDay, "F2", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "ServiceNow requests per day", r => r.ServiceNowRequestsPerDay, "N0", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "most calls in any hour", r => r.PeakCallsInAnyHour, "N0", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "failed PO events", r => r.FailedEvents, "N0", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Line(text, "freshness lag, minutes: p50 / p95 / max");
        foreach (var kind in Kinds)
            LagRow(text, "  " + kind.ToString().ToLowerInvariant(), r => r.LagOf(kind), inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        LagRow(text, "  all changes", r => r.LagOf(null), inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Row(text, "wall-clock seconds", r => r.Elapsed.TotalSeconds, "F0", inProcessFixed, httpFixed, inProcessCadence, httpCadence);
        Line(text, "");
        Line(text, "largest difference, HTTP against in process:");
        foreach (var (name, a, b) in new[] { ("fixed", inProcessFixed, httpFixed), ("cadence", inProcessCadence, httpCadence) })
            Line(text, string.Create(CultureInfo.InvariantCulture,
                $"  {name}: calls per PO per day {Difference(a.CallsPerPoPerDay, b.CallsPerPoPerDay)}, ServiceNow requests per day {Difference(a.ServiceNowRequestsPerDay, b.ServiceNowRequestsPerDay)}, p95 lag (all changes) {Difference(a.LagOf(null).P95, b.LagOf(null).P95)}"));
        return text.ToString();
    }

    /// <summary>The relative difference of <paramref name="http"/> against <paramref name="inProcess"/>, e.g. <c>+0.4%</c>.</summary>
    public static string Difference(double inProcess, double http) =>
        inProcess == 0 ? (http == 0 ? "0%" : "n/a") : ((http - inProcess) / inProcess).ToString("+0.0%;-0.0%;0%", CultureInfo.InvariantCulture);

    static void Row(StringBuilder text, string name, Func<WeekRunResult, double> value, string format, params WeekRunResult[] runs) =>
        Line(text, $"{name,-34} {F(value(runs[0]), format),17} {F(value(runs[1]), format),17} {F(value(runs[2]), format),19} {F(value(runs[3]), format),17}");

    static void LagRow(StringBuilder text, string name, Func<WeekRunResult, (int Count, double P50, double P95, double Max)> lag, params WeekRunResult[] runs) =>
        Line(text, $"{name,-34} {Lag(lag(runs[0])),17} {Lag(lag(runs[1])),17} {Lag(lag(runs[2])),19} {Lag(lag(runs[3])),17}");

    static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    static string Lag((int Count, double P50, double P95, double Max) lag) =>
        lag.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{lag.P50:F0}/{lag.P95:F0}/{lag.Max:F0}");

    static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
