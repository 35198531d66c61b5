using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The <c>activityLog</c> section of the pipeline file.</summary>
public sealed class ActivityLogOptions : IValidatableObject
{
    /// <summary>The SQLite file, relative to the working directory. Required, e.g. <c>data/activity.db</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is missing or empty; e.g. \"data/activity.db\"")]
    public string Path { get; set; } = "";

    /// <summary>Also record POs whose outcome is unchanged. Default false.</summary>
    public bool RecordUnchanged { get; set; }

    /// <summary>How long entries are kept. Default 90 days (<c>"90.00:00:00"</c>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long writes are held back while the log cannot record (locked by another writer past the busy timeout,
    /// disk full, I/O error) before the cycle ends with that error. Default 5 minutes (<c>"00:05:00"</c>).
    /// </summary>
    public TimeSpan UnavailableTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention < TimeSpan.FromDays(1) || Retention > TimeSpan.FromDays(3650))
            yield return new("must be between 1 day (\"1.00:00:00\") and 3650 days (default \"90.00:00:00\")", [nameof(Retention)]);
        if (UnavailableTimeout < TimeSpan.Zero || UnavailableTimeout > TimeSpan.FromHours(1))
            yield return new("must be between 0 and 1 hour (default \"00:05:00\")", [nameof(UnavailableTimeout)]);
    }
}
