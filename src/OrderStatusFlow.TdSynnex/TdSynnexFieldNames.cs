namespace OrderStatusFlow.TdSynnex;

/// <summary>The ServiceNow field names the TD SYNNEX interpretation reads; the line number comes with each line (<see cref="Core.Domain.PurchaseOrderLine.Number"/>).</summary>
public sealed record TdSynnexFieldNames
{
    /// <summary>PO line field holding the part number (matched to <c>MfgPN</c> or <c>SKU</c>). Default <c>part_number</c>.</summary>
    public string PartNumber { get; init; } = "part_number";

    /// <summary>PO line field holding the ordered quantity. Default <c>ordered_quantity</c>.</summary>
    public string OrderedQuantity { get; init; } = "ordered_quantity";

    /// <summary>PO memo field that collects <c>Invoice ...</c> lines. Default <c>u_vendor_notes</c>.</summary>
    public string VendorNotes { get; init; } = "u_vendor_notes";

    internal IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     ("partNumber", PartNumber),
                     ("orderedQuantity", OrderedQuantity), ("vendorNotes", VendorNotes),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
                yield return $"fields.{name} is empty: name the ServiceNow field or remove the setting to use the default";
        }
    }
}
