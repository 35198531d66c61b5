using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>The answer of the invoice query: the invoices, or why there are none yet.</summary>
internal sealed record InvoiceQueryResult(IReadOnlyList<Invoice> Invoices, string? NotAvailableReason)
{
    /// <summary>Every PO number the answer names (header and per-invoice <c>CustomerPONumber</c>).</summary>
    public IReadOnlyList<string> PoNumbers { get; init; } = [];

    public bool NotAvailable => NotAvailableReason is not null;
}

/// <summary>
/// Reads an invoice query answer (<c>SynnexB2B/InvoiceResponse/Invoice</c>, repeated; or <c>SynnexB2B/Invoice</c>).
/// Tracking numbers may be one comma-separated <c>TrackNumber</c> or repeated elements; serials lose their
/// <c>SN:</c> prefix; amounts lose thousands separators. "No invoice (yet)" answers are not errors.
/// </summary>
internal static partial class InvoiceParser
{
    const string Endpoint = "invoice query";

    public static InvoiceQueryResult Parse(string body, Redactor? redactor = null)
    {
        redactor ??= Redactor.None;
        var document = TdsXmlReader.Load(Endpoint, body, redactor);
        var root = document.Root!;
        var response = root.Name.LocalName.Equals("InvoiceResponse", StringComparison.OrdinalIgnoreCase)
            ? root
            : TdsText.Child(root, "InvoiceResponse") ?? root;

        var errorCode = TdsText.Text(response, "ErrorCode") ?? TdsText.Text(root, "ErrorCode");
        var errorReason = TdsText.Text(response, "ErrorReason") ?? TdsText.Text(root, "ErrorReason");
        var errorDetail = TdsText.Text(response, "ErrorDetail") ?? TdsText.Text(root, "ErrorDetail")
                          ?? TdsText.Text(response, "ErrorMessage") ?? TdsText.Text(root, "ErrorMessage");
        if (errorCode is not null || errorReason is not null || errorDetail is not null)
        {
            var text = string.Join(": ", new[] { errorCode, errorReason, errorDetail }.Where(t => t is not null));
            if (NotYetRegex().IsMatch(text))
                return new InvoiceQueryResult([], redactor.Redact(text));
            throw TdsErrorClassifier.Classify(Endpoint, errorCode ?? errorReason, errorCode is null ? errorDetail : Join(errorReason, errorDetail), redactor);
        }
        TdsXmlReader.ThrowIfError(Endpoint, document, redactor);

        var headerPo = TdsText.Text(response, "CustomerPONumber");
        var invoiceElements = root.Name.LocalName.Equals("Invoice", StringComparison.OrdinalIgnoreCase)
            ? [root]
            : TdsText.Children(response, "Invoice").ToList();
        var invoices = invoiceElements.Select(ParseInvoice).ToList();
        var poNumbers = invoiceElements.Select(i => TdsText.Text(i, "CustomerPONumber")).Prepend(headerPo)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (invoices.Count == 0)
            return new InvoiceQueryResult([], $"no invoice returned yet for {headerPo ?? "the PO"}") { PoNumbers = poNumbers };
        return new InvoiceQueryResult(invoices, null) { PoNumbers = poNumbers };
    }

    static Invoice ParseInvoice(XElement invoice)
    {
        var number = TdsText.Text(invoice, "InvoiceNumber")
            ?? throw new SyncException(FailureKind.Data, $"TD SYNNEX {Endpoint} answer has an Invoice without InvoiceNumber. Not retried; the PO is queried again next cycle.");
        var date = TdsText.Date(TdsText.Text(invoice, "InvoiceDate"));
        var tracking = TdsText.Child(invoice, "Tracking") is { } t
            ? TdsText.Children(t, "TrackNumber").SelectMany(e => e.Value.Split(',', ';')).Select(TdsText.Collapse).Where(s => s.Length > 0)
            : [];
        var items = TdsText.Child(invoice, "Items");
        var serials = items is null
            ? []
            : TdsText.Children(items, "Item").SelectMany(i => TdsText.Children(i, "SerialNo")).Select(s => StripSerialPrefix(s.Value)).Where(s => s.Length > 0);
        var summary = TdsText.Child(invoice, "Summary");
        return new Invoice
        {
            Number = number,
            Date = date is null ? TdsText.Text(invoice, "InvoiceDate") ?? "" : TdsText.FormatDate(date.Value),
            SalesOrderNumber = TdsText.Text(invoice, "InternalReferenceNumber") ?? TdsText.Text(invoice, "OrderNumber"),
            TrackingNumbers = tracking.Distinct(StringComparer.Ordinal).ToList(),
            SerialNumbers = serials.Distinct(StringComparer.Ordinal).ToList(),
            Total = summary is null ? null : TdsText.Decimal(TdsText.Text(summary, "TotalInvoiceAmount")),
            Freight = summary is null ? null : TdsText.Decimal(TdsText.Text(summary, "Freight")),
        };
    }

    internal static string StripSerialPrefix(string value)
    {
        var trimmed = TdsText.Collapse(value);
        return trimmed.StartsWith("SN:", StringComparison.OrdinalIgnoreCase) ? trimmed[3..].Trim() : trimmed;
    }

    static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + ": " + b;

    [GeneratedRegex(@"no\s+invoice|invoice\S*\s+(is\s+|are\s+)?(not|n't)\s+(yet\s+)?(available|found|ready|generated)|not\s+(yet\s+)?invoiced|no\s+record|no\s+result", RegexOptions.IgnoreCase)]
    private static partial Regex NotYetRegex();
}
