using System.Xml;
using System.Xml.Linq;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>
/// Reads a PO Status answer tolerantly: element names case-insensitive, empty elements in either spelling, text
/// trimmed, both delivery-date spellings, ETA dates as <c>YYYY-MM-DD</c> or <c>MM-DD-YYYY</c>. Only the header
/// <c>Code</c> and, per row, <c>Code</c>, <c>OrderNumber</c>, <c>OrderType</c>, quantities, <c>SKU</c> and
/// <c>MfgPN</c> are required.
/// </summary>
internal static class PoStatusParser
{
    const string Endpoint = "PO Status";

    public static PoStatusResponse Parse(string body, Redactor? redactor = null)
    {
        redactor ??= Redactor.None;
        var document = TdsXmlReader.Load(Endpoint, body, redactor);
        TdsXmlReader.ThrowIfError(Endpoint, document, redactor);
        var response = document.Descendants().FirstOrDefault(e => e.Name.LocalName.Equals("OrderStatusResponse", StringComparison.OrdinalIgnoreCase))
            ?? throw Missing(document.Root, "OrderStatusResponse");

        var code = TdsText.Text(response, "Code") ?? throw Missing(response, "Code");
        var rows = new List<PoStatusRow>();
        var items = TdsText.Child(response, "Items");
        if (items is not null)
            foreach (var item in TdsText.Children(items, "Item"))
                rows.Add(ParseRow(item));
        return new PoStatusResponse(code, TdsText.Text(response, "Reason"), TdsText.Text(response, "PONumber"), rows)
        {
            CustomerNumber = TdsText.Text(response, "CustomerNumber"),
        };
    }

    static PoStatusRow ParseRow(XElement item)
    {
        string Required(string name) => TdsText.Text(item, name) ?? throw Missing(item, name);
        int Quantity(string name) => TdsText.Int(TdsText.Text(item, name)) ?? throw Missing(item, name);

        var lineNumber = item.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("lineNumber", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        if (string.IsNullOrEmpty(lineNumber))
            throw Missing(item, "@lineNumber");

        return new PoStatusRow
        {
            LineNumber = lineNumber,
            Code = Required("Code"),
            OrderNumber = Required("OrderNumber"),
            OrderType = Required("OrderType"),
            OrderQuantity = Quantity("OrderQuantity"),
            ShipQuantity = TdsText.Int(TdsText.Text(item, "ShipQuantity")) ?? 0,
            Sku = Required("SKU"),
            MfgPn = Required("MfgPN"),
            ProductName = TdsText.Text(item, "ProductName"),
            UnitPrice = TdsText.Decimal(TdsText.Text(item, "UnitPrice")),
            ShipDate = TdsText.Date(TdsText.Text(item, "ShipDatetime")),
            ShipFromWarehouse = TdsText.Text(item, "ShipFromWarehouse"),
            ShipFromCity = TdsText.Text(item, "ShipFromCity"),
            ShipFromState = TdsText.Text(item, "ShipFromState"),
            ShipFromZip = TdsText.Text(item, "ShipFromZip"),
            ShipMethod = TdsText.Text(item, "ShipMethod"),
            ShipMethodDescription = TdsText.Text(item, "ShipMethodDescription"),
            EtaDate = TdsText.Date(TdsText.Text(item, "ETADate")),
            EstimatedShipDate = TdsText.Date(TdsText.Text(item, "EstimatedShipDate")),
            EstimatedShipDateCode = TdsText.Text(item, "EstimatedShipDateCode"),
            EstimatedDeliveryDate = TdsText.Date(TdsText.Text(item, "EstimateDeliveryDate", "EstimatedDeliveryDate")),
            Freight = TdsText.Decimal(TdsText.Text(item, "Freight")),
            HandlingFee = TdsText.Decimal(TdsText.Text(item, "HandlingFee")),
            Tax = TdsText.Decimal(TdsText.Text(item, "Tax")),
            RecyclingFee = TdsText.Decimal(TdsText.Text(item, "RecyclingFee")),
            VendorOrderNumber = TdsText.Text(item, "VendorOrderNumber"),
            CustPoLineNo = TdsText.Text(item, "CustPOLineNo"),
            Packages = ParsePackages(item),
        };
    }

    static List<PoStatusPackage> ParsePackages(XElement item)
    {
        var packages = TdsText.Child(item, "Packages");
        if (packages is null)
            return [];
        return TdsText.Children(packages, "Package").Select(p => new PoStatusPackage(
            TdsText.Text(p, "TrackingNumber"),
            TdsText.Int(TdsText.Text(p, "ShipItemQuantity")),
            TdsText.Text(p, "Weight"),
            TdsText.Children(p, "SerialNo").Select(s => TdsText.Collapse(s.Value)).Where(s => s.Length > 0).ToList())).ToList();
    }

    static SyncException Missing(XElement? where, string name)
    {
        var position = where is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}, position {info.LinePosition}" : "";
        var context = where is null ? "the document" : $"<{where.Name.LocalName}>";
        return new SyncException(FailureKind.Data,
            $"TD SYNNEX {Endpoint} answer lacks the required element {name} in {context}{position}. Not retried; the PO is queried again next cycle.");
    }
}
