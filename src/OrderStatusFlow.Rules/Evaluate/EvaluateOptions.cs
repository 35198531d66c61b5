namespace OrderStatusFlow.Rules.Evaluate;

/// <summary>
/// The <c>args</c> of <c>rules.evaluate</c>: none. The folder is <c>--rules</c> (or <c>OSF_RULES</c>) and the settings
/// are the pipeline's <c>settings</c>.
/// </summary>
public sealed class EvaluateOptions;
