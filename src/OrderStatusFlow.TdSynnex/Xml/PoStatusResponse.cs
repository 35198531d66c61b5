namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>A parsed PO Status answer, as received (codes trimmed, not yet interpreted).</summary>
internal sealed record PoStatusResponse(string Code, string? Reason, string? PoNumber, IReadOnlyList<PoStatusRow> Rows)
{
    /// <summary>The <c>CustomerNumber</c> the answer echoes; null when absent.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>The header code lower-cased with all whitespace removed, e.g. <c>notfound</c> for "NOT FOUND".</summary>
    public string NormalizedCode => TdsText.NormalizeCode(Code);

    public bool IsNotFound => NormalizedCode == "notfound";
}

/// <summary>One <c>Items/Item</c> row. Several rows may share a <see cref="LineNumber"/> (splits).</summary>
internal sealed record PoStatusRow
{
    public required string LineNumber { get; init; }
    public required string Code { get; init; }
    public required string OrderNumber { get; init; }
    public required string OrderType { get; init; }
    public required int OrderQuantity { get; init; }
    public required int ShipQuantity { get; init; }
    public required string Sku { get; init; }
    public required string MfgPn { get; init; }
    public string? ProductName { get; init; }
    public decimal? UnitPrice { get; init; }
    public DateOnly? ShipDate { get; init; }
    public string? ShipFromWarehouse { get; init; }
    public string? ShipFromCity { get; init; }
    public string? ShipFromState { get; init; }
    public string? ShipFromZip { get; init; }
    public string? ShipMethod { get; init; }
    public string? ShipMethodDescription { get; init; }
    public DateOnly? EtaDate { get; init; }
    public DateOnly? EstimatedShipDate { get; init; }
    public string? EstimatedShipDateCode { get; init; }
    public DateOnly? EstimatedDeliveryDate { get; init; }
    public decimal? Freight { get; init; }
    public decimal? HandlingFee { get; init; }
    public decimal? Tax { get; init; }
    public decimal? RecyclingFee { get; init; }
    public string? VendorOrderNumber { get; init; }
    public string? CustPoLineNo { get; init; }
    public IReadOnlyList<PoStatusPackage> Packages { get; init; } = [];

    public string NormalizedCode => TdsText.NormalizeCode(Code);

    public bool IsDeleted => NormalizedCode == "deleted";

    public bool IsBackorder => string.Equals(OrderType, "BO", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One <c>Packages/Package</c> of a row.</summary>
internal sealed record PoStatusPackage(string? TrackingNumber, int? ShipItemQuantity, string? Weight, IReadOnlyList<string> SerialNumbers);
