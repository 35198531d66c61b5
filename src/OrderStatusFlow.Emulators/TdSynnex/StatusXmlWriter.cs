using System.Globalization;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>
/// Renders a PO Status answer with the real quirks: lower-case codes, <c>notFound</c> in camel case, both empty
/// spellings, repeated <c>lineNumber</c>, no <c>ShipFrom*</c> on deleted rows, the <c>EstimateDeliveryDate</c>
/// spelling, trailing whitespace in <c>ProductName</c>/<c>ShipMethodDescription</c>, and <c>ResponseElapsedTime</c>
/// with an <c>s</c> suffix. The request's <c>version</c> decides which fields appear.
/// </summary>
internal static class StatusXmlWriter
{
    public static string Write(string version, string customer, string poNumber, TdSynnexOrderStep? step, DateTimeOffset now, double elapsedSeconds)
    {
        var v = ParseVersion(version);
        var xml = new QuirkyXml().Declaration()
            .Open("SynnexB2B", $"version=\"{version}\"")
            .Open("OrderStatusResponse")
            .Element("CustomerNumber", customer)
            .Element("PONumber", poNumber)
            .Element("Code", step?.Code ?? "notFound")
            .Element("Reason", step?.Reason)
            .Element("PODatetime", step?.PoDatetime)
            .Element("ResponseDateTime", now.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        var rows = step?.Rows ?? [];
        if (rows.Count == 0)
            xml.Element("Items", null);
        else
        {
            xml.Open("Items");
            for (var i = 0; i < rows.Count; i++)
                WriteRow(xml, rows[i], i, v);
            xml.Close("Items");
        }
        return xml.Element("ResponseElapsedTime", elapsedSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s")
            .Close("OrderStatusResponse").Close("SynnexB2B").ToString();
    }

    static void WriteRow(QuirkyXml xml, TdSynnexRow row, int index, decimal v)
    {
        var deleted = row.Code.Equals("deleted", StringComparison.OrdinalIgnoreCase);
        xml.Open("Item", $"lineNumber=\"{row.LineNumber}\"")
            .Element("Code", row.Code.ToLowerInvariant() == "notfound" ? row.Code : row.Code.ToLowerInvariant())
            .Element("ShipDatetime", row.ShipDatetime)
            .Element("OrderNumber", row.OrderNumber)
            .Element("OrderType", row.OrderType)
            .Element("OrderQuantity", row.OrderQuantity.ToString(CultureInfo.InvariantCulture))
            .Element("UnitPrice", row.UnitPrice)
            .Element("SKU", row.Sku)
            .Element("MfgPN", row.MfgPN)
            // Real payloads carry line breaks and trailing blanks in free text.
            .Element("ProductName", index % 2 == 0 ? row.ProductName + "\n        " : row.ProductName + "  ")
            .Element("ShipQuantity", row.ShipQuantity.ToString(CultureInfo.InvariantCulture));
        if (v >= 2.2m && !deleted && row.ShipFromWarehouse is not null)
            xml.Element("ShipFromWarehouse", row.ShipFromWarehouse)
                .Line(("ShipFromCity", row.ShipFromCity), ("ShipFromState", row.ShipFromState), ("ShipFromZip", row.ShipFromZip));
        xml.Element("ShipMethod", row.ShipMethod)
            .Element("ShipMethodDescription", index % 2 == 1 ? row.ShipMethodDescription + " " : row.ShipMethodDescription);
        if (v >= 2.2m && row.EtaDate is not null)
            xml.Element("ETADate", row.EtaDate);
        if (v >= 2.4m)
            xml.Line(("Freight", "0.0"), ("HandlingFee", "0.0"), ("Tax", "0.0"), ("RecyclingFee", "0.0"));
        var dates = new List<(string, string?)>();
        if (v >= 2.6m)
            dates.Add((row.UseEstimatedDeliveryDateSpelling ? "EstimatedDeliveryDate" : "EstimateDeliveryDate", row.EstimateDeliveryDate));
        if (v >= 2.7m)
        {
            dates.Add(("EstimatedShipDate", row.EstimatedShipDate));
            dates.Add(("EstimatedShipDateCode", null));
        }
        if (dates.Count > 0)
            xml.Line(dates.ToArray());
        if (v >= 2.01m)
            WritePackages(xml, row);
        xml.Close("Item");
    }

    static void WritePackages(QuirkyXml xml, TdSynnexRow row)
    {
        if (row.Packages.Count == 0)
        {
            xml.Element("Packages", null);
            return;
        }
        xml.Open("Packages");
        foreach (var package in row.Packages)
        {
            xml.Open("Package")
                .Element("TrackingNumber", package.TrackingNumber)
                .Element("Weight", package.Weight)
                .Element("ShipItemQuantity", package.ShipItemQuantity.ToString(CultureInfo.InvariantCulture));
            foreach (var serial in package.SerialNumbers)
                xml.Element("SerialNo", serial);
            xml.Close("Package");
        }
        xml.Close("Packages");
    }

    internal static decimal ParseVersion(string version) =>
        decimal.TryParse(version, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 2.7m;
}
