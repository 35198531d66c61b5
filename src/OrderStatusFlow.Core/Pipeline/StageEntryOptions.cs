using System.ComponentModel.DataAnnotations;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Binding;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// One <c>stages[i]</c> entry, bound by <see cref="OptionsBinder"/>. The engine owns these keys; the stage's factory
/// binds <see cref="Args"/>. A key left out is null here and gets the role's default in <see cref="StageDefinition"/>;
/// which keys apply to which role is checked by <see cref="PipelineValidator"/> (it needs the registry).
/// </summary>
public sealed class StageEntryOptions : IValidatableObject
{
    /// <summary>The registered stage type, e.g. <c>tdsynnex.status</c>. Required.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is missing; e.g. \"type\": \"tdsynnex.status\"")]
    public string? Type { get; set; }

    /// <summary>Status, rules and writer stages: how many at once. Default 8 (status), 2 (rules), 1 (writer).</summary>
    [Range(1, 64)]
    public int? Parallelism { get; set; }

    /// <summary>Status, rules and writer stages: how many POs may wait. Default max(64, 4 x parallelism).</summary>
    [Range(1, 100_000)]
    public int? BoundedCapacity { get; set; }

    /// <summary>Writer only: the most updates in one batch. Default 50.</summary>
    [Range(1, 1000)]
    public int? BatchSize { get; set; }

    /// <summary>Writer only: a batch goes out at the latest this long after its first update. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "must be a time span \"hh:mm:ss\" between 00:00:00.001 and 00:10:00 (default 00:00:02)")]
    public TimeSpan? FlushAfter { get; set; }

    /// <summary>The factory's arguments. Default none.</summary>
    public JObject? Args { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Parallelism is { } p && BoundedCapacity is { } c && c < p)
            yield return new($"({c}) must be at least parallelism ({p}), or the extra workers idle", [nameof(BoundedCapacity), nameof(Parallelism)]);
    }
}
