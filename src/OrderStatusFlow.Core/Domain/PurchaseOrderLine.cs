namespace OrderStatusFlow.Core.Domain;

/// <summary>A purchase order line as the source read it. Values are strings, missing ones "".</summary>
public sealed class PurchaseOrderLine
{
    /// <param name="number">The distributor's line number as the source reads it ("" when the line has none).</param>
    public PurchaseOrderLine(string sysId, IReadOnlyDictionary<string, string> fields, string number = "")
    {
        SysId = sysId;
        Fields = fields;
        Number = number;
    }

    /// <summary>The distributor's line number (the source knows which field holds it); "" when not set.</summary>
    public string Number { get; }

    public string SysId { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public string this[string field] => Fields.TryGetValue(field, out var value) ? value ?? "" : "";

    public override string ToString() => SysId;
}
