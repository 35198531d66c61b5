namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>One shipped package of a row.</summary>
public sealed class TdSynnexPackage
{
    public string TrackingNumber { get; set; } = "";
    public string Weight { get; set; } = "0.0";
    public int ShipItemQuantity { get; set; }
    public List<string> SerialNumbers { get; set; } = [];
}
