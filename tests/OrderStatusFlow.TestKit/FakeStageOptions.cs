using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.TestKit;

/// <summary>Args of a <see cref="FakeStageFactory"/>: enough to exercise binding and validation.</summary>
public sealed class FakeStageOptions : IValidatableObject
{
    /// <summary>Default 0 (unlimited).</summary>
    [Range(0, 100)]
    public int RequestsPerSecond { get; set; }

    /// <summary>A connection section the stage needs (its <c>url</c> must be set); null for none.</summary>
    public string? Connection { get; set; }

    /// <summary>Must not be "forbidden" (exercises <see cref="IValidatableObject"/>).</summary>
    public string Mode { get; set; } = "normal";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == "forbidden")
            yield return new ValidationResult("must not be 'forbidden'; use 'normal'", [nameof(Mode)]);
    }
}
