using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The pipeline file's <c>schedule</c> section: how the long-lived process spends TD SYNNEX calls.</summary>
public sealed record ScheduleDefinition
{
    static readonly string[] Keys = ["maxRequestsPerHour", "errorBackoff", "errorBackoffMax"];

    /// <summary>
    /// The most TD SYNNEX calls (PO Status and invoice queries together) in any hour; 0 (default) means no limit. Set
    /// it to what TD SYNNEX agreed at onboarding: it publishes no limit and throttles clients that poll too much.
    /// </summary>
    public int MaxRequestsPerHour { get; init; }

    /// <summary>The wait after a failed check, doubled for each further failure in a row. Default 5 minutes.</summary>
    public TimeSpan ErrorBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait after failures. Default 4 hours.</summary>
    public TimeSpan ErrorBackoffMax { get; init; } = TimeSpan.FromHours(4);

    /// <summary>When a PO that failed <paramref name="failures"/> times in a row is checked next.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(ErrorBackoff.Ticks * factor, ErrorBackoffMax.Ticks));
        return wait < ErrorBackoff ? ErrorBackoff : wait;
    }

    internal static ScheduleDefinition Read(JObject root, JsonReading json)
    {
        if (json.Object(root, "schedule", "") is not { } section)
            return new ScheduleDefinition();
        json.UnknownKeys(section, "schedule", Keys);
        var defaults = new ScheduleDefinition();
        return new ScheduleDefinition
        {
            MaxRequestsPerHour = json.Int(section, "maxRequestsPerHour", "schedule", 0, 100_000_000) ?? 0,
            ErrorBackoff = json.TimeSpan(section, "errorBackoff", "schedule", System.TimeSpan.FromSeconds(1), System.TimeSpan.FromDays(1)) ?? defaults.ErrorBackoff,
            ErrorBackoffMax = json.TimeSpan(section, "errorBackoffMax", "schedule", System.TimeSpan.FromSeconds(1), System.TimeSpan.FromDays(7)) ?? defaults.ErrorBackoffMax,
        };
    }
}
