using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The pipeline file's <c>schedule</c> section: how the long-lived process spends TD SYNNEX calls.</summary>
public sealed class ScheduleDefinition : IValidatableObject
{
    /// <summary>
    /// The most TD SYNNEX calls (PO Status and invoice queries together) in any hour; 0 (default) means no limit. Set
    /// it to what TD SYNNEX agreed at onboarding: it publishes no limit and throttles clients that poll too much.
    /// </summary>
    [Range(0, 100_000_000, ErrorMessage = "must be a whole number from 0 (no limit) to 100000000")]
    public int MaxRequestsPerHour { get; set; }

    /// <summary>The wait after a failed check, doubled for each further failure in a row. Default 5 minutes.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait after failures. Default 4 hours.</summary>
    public TimeSpan ErrorBackoffMax { get; set; } = TimeSpan.FromHours(4);

    /// <summary>When a PO that failed <paramref name="failures"/> times in a row is checked next.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(ErrorBackoff.Ticks * factor, ErrorBackoffMax.Ticks));
        return wait < ErrorBackoff ? ErrorBackoff : wait;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ErrorBackoff < TimeSpan.FromSeconds(1) || ErrorBackoff > TimeSpan.FromDays(1))
            yield return new("must be between \"00:00:01\" and \"1.00:00:00\" (default \"00:05:00\")", [nameof(ErrorBackoff)]);
        if (ErrorBackoffMax < ErrorBackoff || ErrorBackoffMax > TimeSpan.FromDays(7))
            yield return new("must be at least errorBackoff and at most \"7.00:00:00\" (default \"04:00:00\")", [nameof(ErrorBackoffMax)]);
    }
}
