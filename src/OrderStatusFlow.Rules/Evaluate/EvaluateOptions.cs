using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.Rules.Evaluate;

/// <summary>
/// The <c>args</c> of <c>rules.evaluate</c>. The folder is <c>--rules</c> (or <c>OSF_RULES</c>) and the settings are
/// the pipeline's <c>settings</c>.
/// </summary>
public sealed class EvaluateOptions : IValidatableObject
{
    /// <summary>Whether rules may write the PO's out-of-box <c>status</c> field (e.g. to map TDS Shipped onto it). Default false.</summary>
    public bool AllowStatusWrite { get; init; }

    /// <summary>
    /// How long one PO's evaluation may run before the supervised <c>osf run</c> process is ended and restarted
    /// without that PO (a framework call that never returns; see <c>RuleCrashGuard</c>). Default 00:00:20: under the
    /// 30 s a stop may take to drain, far above the time budget of a rule. Read when the process builds its first rules
    /// stage; a pipeline reload does not change it.
    /// </summary>
    public TimeSpan WatchdogLimit { get; init; } = TimeSpan.FromSeconds(20);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WatchdogLimit < TimeSpan.FromSeconds(2) || WatchdogLimit > TimeSpan.FromSeconds(25))
            yield return new("must be between 00:00:02 and 00:00:25 (default 00:00:20)", [nameof(WatchdogLimit)]);
    }
}
