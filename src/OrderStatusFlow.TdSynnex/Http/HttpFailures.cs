using System.Net;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Http;

/// <summary>Classifies transport-level failures: timeouts, resets and HTTP status codes other than 200.</summary>
internal static class HttpFailures
{
    public static SyncException Timeout(string endpoint, TimeSpan timeout) =>
        new(FailureKind.Transient, $"TD SYNNEX {endpoint} did not answer within {timeout.TotalSeconds:0.###} s. Retried with back-off; raise requestTimeout if it is always slow.");

    public static SyncException Unreachable(string endpoint, Uri uri, Exception ex, Redactor redactor) =>
        new(FailureKind.Transient,
            $"TD SYNNEX {endpoint} at {uri.GetLeftPart(UriPartial.Authority)} could not be reached or dropped the connection ({redactor.Redact(Innermost(ex).Message)}). " +
            "Retried with back-off; check the URL and the network if it persists.", ex);

    public static SyncException Status(string endpoint, Uri uri, HttpStatusCode status, string body, Redactor redactor)
    {
        var code = (int)status;
        var what = TdsXmlReader.LooksLikeHtml(body.TrimStart())
            ? TdsXmlReader.HtmlMessage(endpoint, body.TrimStart(), redactor)
            : $"TD SYNNEX {endpoint} answered HTTP {code} {status}" + (body.Length > 0 ? $": \"{Shorten(redactor.Redact(TdsText.Collapse(redactor.Redact(body))))}\"" : "") + ".";
        var prefix = what.StartsWith("TD SYNNEX answered an HTML page", StringComparison.Ordinal) ? $"HTTP {code}: " : "";
        return code switch
        {
            >= 500 or 408 or 429 => new SyncException(FailureKind.Transient, $"{prefix}{what} Retried with back-off."),
            401 or 403 => new SyncException(FailureKind.Configuration,
                $"{prefix}{what} Check OSF_TDSYNNEX_USER, OSF_TDSYNNEX_PASSWORD and that this host's IP address is registered with TD SYNNEX."),
            404 or 405 => new SyncException(FailureKind.Configuration,
                $"{prefix}{what} {uri} does not exist: check OSF_TDSYNNEX_URL / OSF_TDSYNNEX_INVOICE_URL (base URL only, e.g. https://ec.us.tdsynnex.com)."),
            _ => new SyncException(FailureKind.Data, $"{prefix}{what} Not retried."),
        };
    }

    static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }

    static string Shorten(string text) => text.Length > 160 ? text[..160] + "..." : text;
}
