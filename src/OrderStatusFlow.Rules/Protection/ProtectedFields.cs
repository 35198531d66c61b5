namespace OrderStatusFlow.Rules.Protection;

/// <summary>
/// The fields no rule may write: <c>number</c>, every <c>sys_*</c> field and the connector marker field (they identify
/// the record and decide whether the connector touches it at all), and <c>status</c> unless the pipeline file allows
/// it (<c>"args": { "allowStatusWrite": true }</c> on the <c>rules.evaluate</c> stage).
/// </summary>
public sealed record ProtectedFields
{
    /// <summary>The connector marker field. Default <c>u_tds_cpo_id</c> (the pipeline's <c>source.cpoIdField</c>).</summary>
    public string MarkerField { get; init; } = "u_tds_cpo_id";

    /// <summary>Whether rules may write the out-of-box <c>status</c> field. Default false.</summary>
    public bool AllowStatusWrite { get; init; }

    public static ProtectedFields Default { get; } = new();

    /// <summary>
    /// The fields rules may not write under <paramref name="definition"/> (also used by <c>lint</c>): the marker field
    /// is the source stage's <c>cpoIdField</c> (default <c>u_tds_cpo_id</c>), <c>status</c> is writable only with
    /// <c>allowStatusWrite</c> on this stage.
    /// </summary>
    public static ProtectedFields For(OrderStatusFlow.Core.Pipeline.PipelineDefinition definition)
    {
        var rules = definition.Stages.FirstOrDefault(s => s.Type == "rules.evaluate");
        var allowStatus = rules?.Args.GetValue("allowStatusWrite", StringComparison.OrdinalIgnoreCase) is { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } value && (bool)value;
        var source = definition.Stages.FirstOrDefault(s => s.Role == OrderStatusFlow.Core.Pipeline.StageRole.Source);
        var marker = source?.Args.GetValue("cpoIdField", StringComparison.OrdinalIgnoreCase) is { Type: Newtonsoft.Json.Linq.JTokenType.String } field
            && ((string?)field)?.Trim() is { Length: > 0 } name ? name : Default.MarkerField;
        return new ProtectedFields { MarkerField = marker, AllowStatusWrite = allowStatus };
    }

    /// <summary>Why a rule may not write <paramref name="field"/>, or null when it may.</summary>
    public string? Problem(string field)
    {
        // Fast path, run for every field a rule writes: most fields start with neither 'n' nor 's'.
        if (field.Length == 0 || (field[0] | 0x20) is not ('n' or 's') && field.Length != MarkerField.Length)
            return null;
        if (string.Equals(field, "number", StringComparison.OrdinalIgnoreCase))
            return "'number' identifies the PO and cannot be written by rules";
        if (field.StartsWith("sys_", StringComparison.OrdinalIgnoreCase))
            return $"'{field}' is a ServiceNow system field and cannot be written by rules";
        if (string.Equals(field, MarkerField, StringComparison.OrdinalIgnoreCase))
            return $"'{field}' marks the POs the connector handles and cannot be written by rules";
        if (!AllowStatusWrite && string.Equals(field, "status", StringComparison.OrdinalIgnoreCase))
            return "'status' is the PO's own status; rules may write it only when the pipeline file allows it " +
                   "(\"args\": { \"allowStatusWrite\": true } on the rules.evaluate stage)";
        return null;
    }
}
