namespace OrderStatusFlow.Core.Domain;

/// <summary>A ServiceNow purchase order line (<c>proc_po_item</c>) as read. Values are strings, missing ones "".</summary>
public sealed class PurchaseOrderLine
{
    public PurchaseOrderLine(string sysId, IReadOnlyDictionary<string, string> fields)
    {
        SysId = sysId;
        Fields = fields;
    }

    public string SysId { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public string this[string field] => Fields.TryGetValue(field, out var value) ? value ?? "" : "";

    public override string ToString() => SysId;
}
