using System.Security;
using System.Text;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>Renders invoice query answers: the invoices, "none yet", or an error.</summary>
internal static class InvoiceXmlWriter
{
    public static string Write(string poNumber, IReadOnlyList<TdSynnexInvoice> invoices)
    {
        var xml = new QuirkyXml().Declaration().Open("SynnexB2B").Open("InvoiceResponse").Element("CustomerPONumber", poNumber);
        foreach (var invoice in invoices)
        {
            xml.Open("Invoice")
                .Element("InvoiceNumber", invoice.Number)
                .Element("InvoiceDate", invoice.Date)
                .Element("CustomerPONumber", poNumber)
                .Element("OrderType", "SO")
                .Element("InternalReferenceNumber", invoice.SalesOrderNumber);
            xml.Open("Tracking");
            if (invoice.CommaSeparatedTracking)
                xml.Element("TrackNumber", string.Join(",", invoice.TrackingNumbers));
            else
                foreach (var tracking in invoice.TrackingNumbers)
                    xml.Element("TrackNumber", tracking);
            xml.Close("Tracking");
            xml.Open("Items").Open("Item")
                .Element("LineNumber", invoice.LineNumber)
                .Element("ShipQuantity", invoice.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Element("ManuafacturerPartNumber", invoice.MfgPN);
            foreach (var serial in invoice.SerialNumbers)
                xml.Element("SerialNo", "SN: " + serial);
            xml.Close("Item").Close("Items");
            xml.Open("Summary")
                .Line(("TotalInvoiceAmount", invoice.Total), ("SalesTax", "0.00"), ("Freight", invoice.Freight))
                .Close("Summary")
                .Close("Invoice");
        }
        return xml.Close("InvoiceResponse").Close("SynnexB2B").ToString();
    }

    public static string NotAvailable(string poNumber) => Error(poNumber, "NoInvoice", $"No invoice available yet for PO {poNumber}");

    public static string Error(string poNumber, string code, string reason)
    {
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SynnexB2B>\n  <InvoiceResponse>\n");
        text.Append($"    <CustomerPONumber>{SecurityElement.Escape(poNumber)}</CustomerPONumber>\n");
        text.Append($"    <ErrorCode>{SecurityElement.Escape(code)}</ErrorCode>\n    <ErrorReason>{SecurityElement.Escape(reason)}</ErrorReason>\n");
        text.Append("  </InvoiceResponse>\n</SynnexB2B>\n");
        return text.ToString();
    }
}
