using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>
/// First look at a TD SYNNEX answer: HTML pages, malformed or truncated XML and the error shapes
/// (<c>ErrorMessage</c>/<c>ErrorDetail</c>, <c>BizError/detail</c>, <c>ErrorCode</c>/<c>ErrorReason</c>) become
/// classified <see cref="SyncException"/>s; anything else is returned as a document for the specific parser.
/// </summary>
internal static partial class TdsXmlReader
{
    public static XDocument Load(string endpoint, string body, Redactor redactor)
    {
        var trimmed = body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
            throw new SyncException(FailureKind.Data, $"TD SYNNEX {endpoint} answered an empty body instead of XML. Not retried; check the URL and try again later.");
        if (LooksLikeHtml(trimmed))
            throw new SyncException(FailureKind.Data, HtmlMessage(endpoint, trimmed, redactor));
        try
        {
            // No DTDs (entity expansion, external entities) and no resolver: a document type declaration is refused.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
            using var reader = XmlReader.Create(new StringReader(trimmed), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new SyncException(FailureKind.Data,
                $"TD SYNNEX {endpoint} answered XML with a document type declaration (DTD/entities), which is refused for safety " +
                $"(line {ex.LineNumber}). Not retried; the PO is queried again next cycle (report it to TD SYNNEX if it persists).");
        }
        catch (XmlException ex)
        {
            throw new SyncException(FailureKind.Data,
                $"TD SYNNEX {endpoint} answered malformed or truncated XML ({redactor.Redact(ex.Message)} at line {ex.LineNumber}, position {ex.LinePosition}; " +
                $"{body.Length} characters received). Not retried; the PO is queried again next cycle.");
        }
    }

    /// <summary>Throws when the document carries one of TD SYNNEX's error shapes.</summary>
    public static void ThrowIfError(string endpoint, XDocument document, Redactor redactor)
    {
        var all = document.Descendants().ToList();
        string? Find(string name) => all.Where(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase) && !e.HasElements)
            .Select(e => TdsText.Collapse(e.Value)).FirstOrDefault(v => v.Length > 0);

        var message = Find("ErrorMessage");
        var detail = Find("ErrorDetail");
        if (message is not null || detail is not null)
            throw TdsErrorClassifier.Classify(endpoint, message, detail, redactor);

        var bizError = all.FirstOrDefault(e => string.Equals(e.Name.LocalName, "BizError", StringComparison.OrdinalIgnoreCase));
        if (bizError is not null)
        {
            var text = TdsText.Text(bizError, "detail") ?? TdsText.Collapse(bizError.Value);
            throw TdsErrorClassifier.Classify(endpoint, "BizError", text, redactor);
        }
    }

    public static bool LooksLikeHtml(string body) =>
        body.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
        body.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    public static string HtmlMessage(string endpoint, string body, Redactor redactor)
    {
        var title = TitleRegex().Match(body);
        var text = title.Success ? title.Groups[1].Value : TagRegex().Replace(body, " ");
        // Redacted before and after decoding (an escaped secret becomes literal), and before it is shortened.
        text = redactor.Redact(TdsText.Collapse(WebUtility.HtmlDecode(redactor.Redact(text))));
        if (text.Length > 160)
            text = text[..160] + "...";
        return $"TD SYNNEX answered an HTML page, not XML: \"{text}\" ({endpoint}). " +
               "Check that the URL points at the TD SYNNEX XML host; a proxy or maintenance page answers like this.";
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagRegex();
}
