namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>One <c>Items/Item</c> row; rows may share a <see cref="LineNumber"/> (split shipments).</summary>
public sealed class TdSynnexRow
{
    public string LineNumber { get; set; } = "1";
    public string Code { get; set; } = "accepted";
    public string OrderNumber { get; set; } = "";
    public string OrderType { get; set; } = "SO";
    public int OrderQuantity { get; set; }
    public int ShipQuantity { get; set; }
    public string UnitPrice { get; set; } = "0.0";
    public string Sku { get; set; } = "";
    public string MfgPN { get; set; } = "";
    public string ProductName { get; set; } = "";
    public string? ShipDatetime { get; set; }

    /// <summary>Omitted (with city, state and zip) when null, as on real deleted rows.</summary>
    public string? ShipFromWarehouse { get; set; }
    public string? ShipFromCity { get; set; }
    public string? ShipFromState { get; set; }
    public string? ShipFromZip { get; set; }
    public string ShipMethod { get; set; } = "FG";
    public string ShipMethodDescription { get; set; } = "FedEx Ground";

    /// <summary>Written only when set (absent from real v2.7 samples otherwise); any date format.</summary>
    public string? EtaDate { get; set; }
    public string? EstimatedShipDate { get; set; }
    public string? EstimateDeliveryDate { get; set; }

    /// <summary>Spell the delivery date <c>EstimatedDeliveryDate</c> instead of the real <c>EstimateDeliveryDate</c>.</summary>
    public bool UseEstimatedDeliveryDateSpelling { get; set; }

    public List<TdSynnexPackage> Packages { get; set; } = [];
}
