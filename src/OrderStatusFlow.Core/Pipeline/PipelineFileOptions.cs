using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Binding;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// The top level of the pipeline file, bound by <see cref="OptionsBinder"/>. The nested sections are bound by their
/// owners: each stage entry (<see cref="StageEntryOptions"/>), each stage's args (its factory's options), each
/// connection (the connector that uses it) and <see cref="ActivityLogOptions"/>.
/// </summary>
public sealed class PipelineFileOptions : IValidatableObject
{
    /// <summary>The pipeline's name (shown in logs and the activity log). Required.</summary>
    [Required(AllowEmptyStrings = true, ErrorMessage = "is missing; e.g. \"name\": \"order-status\"")]
    public string? Name { get; set; }

    /// <summary>False: the service idles and says so. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between the end of one cycle and the start of the next. Default 5 minutes; 1 second to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be a time span \"hh:mm:ss\" between 00:00:01 and 1.00:00:00 (default 00:05:00)")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Connection sections by name, each bound by the connector whose stages use it.</summary>
    public Dictionary<string, JObject> Connections { get; set; } = [];

    /// <summary>The stage entries, in order: source, status, rules, writer. Required.</summary>
    [Required(ErrorMessage = "is missing; list the stages in order: a source, a status, a rules and a writer stage")]
    public JArray? Stages { get; set; }

    /// <summary>Handed to the rules as strings. Default none.</summary>
    [ScalarsAsText]
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>The activity log section. Required.</summary>
    [Required(ErrorMessage = "is missing; add \"activityLog\": {{ \"path\": \"data/activity.db\" }}")]
    public JObject? ActivityLog { get; set; }

    /// <summary>The operator console section (<see cref="ConsoleSectionOptions"/>). Default: its defaults.</summary>
    public JObject? Console { get; set; }

    /// <summary>The polling schedule section (<see cref="ScheduleDefinition"/>). Default: its defaults (no budget).</summary>
    public JObject? Schedule { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Settings.TryGetValue("notFoundGraceCycles", out var grace)
            && !(int.TryParse(grace, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000))
            yield return new("must be a whole number between 1 and 1000 (the consecutive notFound answer that counts as a failure; default 3)",
                ["Settings.notFoundGraceCycles"]);
    }
}
