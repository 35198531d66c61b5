using System.Xml.Linq;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>The request envelopes: PO Status (<c>version="2.7"</c>) and invoice query (<c>version="2.2"</c>).</summary>
internal static class RequestBuilder
{
    public static string PoStatus(TdSynnexOptions options, string poNumber) =>
        Envelope("2.7", options, new XElement("OrderStatusRequest",
            new XElement("CustomerNumber", options.Customer),
            new XElement("PONumber", poNumber)));

    public static string InvoiceQuery(TdSynnexOptions options, string poNumber) =>
        Envelope("2.2", options, new XElement("InvoiceRequest",
            new XElement("CustomerNumber", options.Customer),
            new XElement("PONumber", poNumber)));

    static string Envelope(string version, TdSynnexOptions options, XElement request)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement("SynnexB2B", new XAttribute("version", version),
                new XElement("Credential",
                    new XElement("UserID", options.User),
                    new XElement("Password", options.Password)),
                request));
        return document.Declaration + "\n" + document.Root!.ToString(SaveOptions.DisableFormatting);
    }
}
