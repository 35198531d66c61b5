using System.Globalization;
using System.Text;

namespace OrderStatusFlow.Bench.Week;

/// <summary>The text table of <c>bench week</c> (the README shows it) and the targets checked against it.</summary>
internal static class WeekReport
{
    static readonly ChangeKind[] Kinds = [ChangeKind.Released, ChangeKind.Backordered, ChangeKind.EtaChanged, ChangeKind.Partial, ChangeKind.Shipped, ChangeKind.Cancelled, ChangeKind.Invoice];

    public static string ToText(WeekRunResult fixedRun, WeekRunResult cadence)
    {
        var text = new StringBuilder();
        Line(text, $"{"",-34} {fixedRun.Mode,20} {cadence.Mode,20}");
        Line(text, $"{"open POs (average)",-34} {fixedRun.AverageOpen,20:N0} {cadence.AverageOpen,20:N0}");
        Line(text, $"{"TD SYNNEX calls per PO per day",-34} {Calls(fixedRun),20} {Calls(cadence),20}");
        foreach (var state in fixedRun.CallsByState.Keys.Union(cadence.CallsByState.Keys).Order())
            Line(text, $"{"  answers " + state.ToString().ToLowerInvariant(),-34} {fixedRun.CallsByState.GetValueOrDefault(state),20:F1} {cadence.CallsByState.GetValueOrDefault(state),20:F1}");
        Line(text, $"{"ServiceNow requests per day",-34} {fixedRun.ServiceNowRequestsPerDay,20:N0} {cadence.ServiceNowRequestsPerDay,20:N0}");
        Line(text, $"{"  per 1,000 open POs",-34} {fixedRun.ServiceNowRequestsPerDay * 1000 / fixedRun.AverageOpen,20:N0} {cadence.ServiceNowRequestsPerDay * 1000 / cadence.AverageOpen,20:N0}");
        Line(text, $"{"most calls in any hour / budget",-34} {fixedRun.PeakCallsInAnyHour,20:N0} {$"{cadence.PeakCallsInAnyHour:N0} / {cadence.MaxRequestsPerHour:N0}",20}");
        Line(text, $"{"largest backlog (POs)",-34} {"-",20} {cadence.MaxBacklog,20:N0}");
        Line(text, $"{"failed PO events",-34} {fixedRun.FailedEvents,20:N0} {cadence.FailedEvents,20:N0}");
        foreach (var run in new[] { fixedRun, cadence }.Where(r => r.FirstFailure is not null))
            Line(text, $"  first failure ({run.Mode}): {run.FirstFailure}");
        Line(text, "");
        Line(text, "freshness lag, minutes: p50 / p95 / max (changes)");
        foreach (var kind in Kinds)
            Line(text, $"{"  " + Name(kind),-34} {Lag(fixedRun.LagOf(kind)),20} {Lag(cadence.LagOf(kind)),20}");
        Line(text, $"{"  announced (on a given date)",-34} {Lag(fixedRun.LagOf(null, true)),20} {Lag(cadence.LagOf(null, true)),20}");
        Line(text, $"{"  unannounced",-34} {Lag(fixedRun.LagOf(null, false)),20} {Lag(cadence.LagOf(null, false)),20}");
        Line(text, "");
        Line(text, "targets (cadence against fixed polling):");
        var ratio = cadence.CallsPerPoPerDay / fixedRun.CallsPerPoPerDay;
        Target(text, $"TD SYNNEX calls per PO per day {ratio:P1} of fixed polling (at most 5%)", ratio <= 0.05);
        foreach (var kind in new[] { ChangeKind.Shipped, ChangeKind.Partial, ChangeKind.Cancelled })
            LagTarget(text, Name(kind), cadence.LagOf(kind), 15);
        LagTarget(text, "invoices", cadence.LagOf(ChangeKind.Invoice), 120);
        Target(text, $"budget never exceeded, restart and rule change included ({cadence.PeakCallsInAnyHour:N0} <= {cadence.MaxRequestsPerHour:N0})",
            cadence.PeakCallsInAnyHour <= cadence.MaxRequestsPerHour);
        Line(text, "");
        Line(text, $"simulated {fixedRun.Cycles} cycles in {fixedRun.Elapsed.TotalSeconds:F0} s (fixed) and {cadence.Cycles} in {cadence.Elapsed.TotalSeconds:F0} s (cadence)");
        return text.ToString();
    }

    static string Calls(WeekRunResult run) => string.Create(CultureInfo.InvariantCulture, $"{run.CallsPerPoPerDay:F1} ({run.StatusCallsPerPoPerDay:F1}+{run.InvoiceCallsPerPoPerDay:F1})");

    static string Lag((int Count, double P50, double P95, double Max) lag) =>
        lag.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{lag.P50:F0} / {lag.P95:F0} / {lag.Max:F0} ({lag.Count})");

    static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.EtaChanged => "ETA changed",
        ChangeKind.Backordered => "back-ordered",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static void LagTarget(StringBuilder text, string name, (int Count, double P50, double P95, double Max) lag, double maxMinutes)
    {
        if (lag.Count == 0)
            Line(text, $"  [no data] no change of {name} happened in the measured window");
        else
            Target(text, $"p95 lag of {name} {lag.P95:F1} min (at most {maxMinutes:F0})", lag.P95 <= maxMinutes);
    }

    static void Target(StringBuilder text, string what, bool met) => Line(text, $"  [{(met ? "met" : "MISSED")}] {what}");

    static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
