using System.Text.RegularExpressions;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>
/// Turns an error TD SYNNEX reported inside the XML body into a classified <see cref="SyncException"/>:
/// IP / authentication keywords are configuration problems (alert, do not hammer), <c>Server.*</c>, timeouts and
/// "not available" are transient (retry with back-off), <c>IncompleteXML</c> and anything unknown are data problems.
/// </summary>
internal static partial class TdsErrorClassifier
{
    public static SyncException Classify(string endpoint, string? message, string? detail, Redactor redactor)
    {
        var said = Describe(message, detail, redactor);
        var text = $"{message} {detail}";
        if (IpRegex().IsMatch(text))
            return new SyncException(FailureKind.Configuration,
                $"TD SYNNEX {endpoint} refused this machine's IP address ({said}). Register the public IP address of " +
                "the connector host with TD SYNNEX (ecExpress XML access) or run the connector from a registered host.");
        if (IncompleteRegex().IsMatch(text))
            return new SyncException(FailureKind.Data,
                $"TD SYNNEX {endpoint} says the request XML is incomplete ({said}). Check the PO number and customer number sent; this is not retried.");
        if (AuthRegex().IsMatch(text))
            return new SyncException(FailureKind.Configuration,
                $"TD SYNNEX {endpoint} rejected the login ({said}). Check OSF_TDSYNNEX_USER and OSF_TDSYNNEX_PASSWORD " +
                "(the ecExpress login with XML access) and OSF_TDSYNNEX_CUSTOMER.");
        if (TransientRegex().IsMatch(text))
            return new SyncException(FailureKind.Transient,
                $"TD SYNNEX {endpoint} reported a temporary problem ({said}). It is retried with back-off; if it persists, check TD SYNNEX service status.");
        return new SyncException(FailureKind.Data,
            $"TD SYNNEX {endpoint} answered with an error instead of a status ({said}). Not retried; check the order with TD SYNNEX.");
    }

    static string Describe(string? message, string? detail, Redactor redactor)
    {
        var parts = new[] { message, detail }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => TdsText.Collapse(p!));
        var joined = redactor.Redact(string.Join(": ", parts)); // before shortening: half a secret is still a leak
        if (joined.Length > 300)
            joined = joined[..300] + "...";
        return joined.Length == 0 ? "no error text" : "\"" + joined + "\"";
    }

    [GeneratedRegex(@"\bIP\b|IP\s*address", RegexOptions.IgnoreCase)]
    private static partial Regex IpRegex();

    [GeneratedRegex(@"auth|password|credential|login|log\s*in|invalid\s+user|user\s*id|permission|access\s+denied|not\s+allowed", RegexOptions.IgnoreCase)]
    private static partial Regex AuthRegex();

    [GeneratedRegex(@"server\.|timeout|timed\s*out|database|not\s+available|unavailable|apifault|try\s+again|retry|busy", RegexOptions.IgnoreCase)]
    private static partial Regex TransientRegex();

    [GeneratedRegex(@"incomplete", RegexOptions.IgnoreCase)]
    private static partial Regex IncompleteRegex();
}
