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

    /// <summary>HTTP 200 with the answer for OtherPoNumber (another PO's data, its PONumber) instead of the PO asked.</summary>
    OtherPo,

    /// <summary>HTTP 200 with the real answer, its CustomerNumber replaced by Customer (default 999999).</summary>
    WrongCustomer,

    /// <summary>HTTP 200 with XML that declares a DTD with nested entities (entity expansion).</summary>
    EntityDeclaration,

    /// <summary>HTTP 200 with a well-formed answer of SizeBytes bytes (default 8 MiB), padded with comments.</summary>
    Oversize,

    /// <summary>HTTP 200 with the real answer declared UTF-8 but carrying bytes that are not valid UTF-8.</summary>
    InvalidEncoding,

    /// <summary>HTTP 200 with ErrorMessage/ErrorDetail echoing the request (and the password URL- and JSON-encoded).</summary>
    EchoCredentials,
}
