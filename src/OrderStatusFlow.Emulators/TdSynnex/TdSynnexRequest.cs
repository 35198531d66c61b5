using System.Xml;
using System.Xml.Linq;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>What the emulator reads from a request envelope (PO Status or invoice query).</summary>
internal sealed record TdSynnexRequest(string Version, string User, string Password, string Customer, string PoNumber)
{
    /// <summary>Null when the body is not well-formed XML.</summary>
    public static TdSynnexRequest? Parse(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }
        string Find(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? "";
        var version = document.Root?.Attribute("version")?.Value ?? "2.7";
        return new TdSynnexRequest(version, Find("UserID"), Find("Password"), Find("CustomerNumber"), Find("PONumber"));
    }
}
