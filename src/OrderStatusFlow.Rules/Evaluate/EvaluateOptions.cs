namespace OrderStatusFlow.Rules.Evaluate;

/// <summary>
/// The <c>args</c> of <c>rules.evaluate</c>. The folder is <c>--rules</c> (or <c>OSF_RULES</c>) and the settings are
/// the pipeline's <c>settings</c>.
/// </summary>
public sealed class EvaluateOptions
{
    /// <summary>Whether rules may write the PO's out-of-box <c>status</c> field (e.g. to map TDS Shipped onto it). Default false.</summary>
    public bool AllowStatusWrite { get; init; }
}
