namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// How the source names its records, for the activity log: the PO and line tables (keys of the logged fields) and the
/// field holding the distributor status shown before and after (empty: none). Set by the source on each PO.
/// </summary>
public sealed record RecordSchema(string Table, string LineTable, string StatusField)
{
    /// <summary>Used when a source names nothing.</summary>
    public static readonly RecordSchema Unnamed = new("po", "line", "");
}
