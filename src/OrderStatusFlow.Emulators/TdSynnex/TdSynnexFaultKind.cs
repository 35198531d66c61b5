using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>What a scripted fault does to a request.</summary>
[JsonConverter(typeof(StringEnumConverter))]
public enum TdSynnexFaultKind
{
    /// <summary>HTTP 200 with <c>ErrorMessage</c>/<c>ErrorDetail</c> (invoice: <c>ErrorCode</c>/<c>ErrorReason</c>) from Message/Detail.</summary>
    ErrorMessage,

    /// <summary>HTTP 200 with <c>BizError/detail</c> = Message.</summary>
    BizError,

    /// <summary>HTTP 200 with XML that is not well-formed.</summary>
    Malformed,

    /// <summary>HTTP 200 with the real answer cut in half.</summary>
    Truncated,

    /// <summary>An HTML error page with StatusCode (default 503).</summary>
    Html,

    /// <summary>StatusCode (default 500) with a plain-text body.</summary>
    HttpStatus,

    /// <summary>The connection is aborted without an answer (TCP reset).</summary>
    Reset,

    /// <summary>The real answer after DelayMs.</summary>
    Slow,

    /// <summary>Invoice query: "no invoice available yet", whatever the invoices' availability.</summary>
    InvoiceNotAvailable,

    /// <summary>Body as given, with StatusCode (default 200) and ContentType (default text/xml).</summary>
    Raw,
}
