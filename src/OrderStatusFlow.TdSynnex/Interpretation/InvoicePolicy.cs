using System.Text.RegularExpressions;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// When the invoice query is worth a call (README, "What it reads and writes"):
/// <list type="bullet">
/// <item>some non-deleted row has <c>ShipQuantity</c> &gt; 0 (nothing is invoiced before it ships), and</item>
/// <item>the PO memo field (<c>u_vendor_notes</c> by default) holds fewer <c>Invoice ...</c> lines than there are
/// distinct sales order numbers among the rows with shipped quantity (TD SYNNEX invoices per sales order, so each
/// shipped sales order should eventually have its invoice line);</item>
/// <item>or, whatever the memo says, every non-cancelled line is already <c>invoiced</c> in the status answer: the PO
/// reaches <c>TDS Invoiced</c> only when the invoice query returns the invoices in the same cycle, so a PO whose
/// invoices were noted earlier is asked once more, and then becomes terminal.</item>
/// </list>
/// A <c>notFound</c>, <c>deleted</c> or <c>rejected</c> header is never queried; terminal POs never reach the
/// provider (the pipeline filters them). The cost is one extra call per shipped PO per cycle until its invoices
/// are recorded; a PO whose invoices are all noted is not queried again.
/// </summary>
internal static partial class InvoicePolicy
{
    /// <param name="po">The ServiceNow PO with its memo field.</param>
    /// <param name="response">The PO Status answer.</param>
    /// <param name="status">The interpretation of <paramref name="response"/> without invoices.</param>
    /// <param name="fields">ServiceNow field names; defaults when null.</param>
    public static bool ShouldQuery(PurchaseOrder po, PoStatusResponse response, OrderStatus status, TdSynnexFieldNames? fields = null)
    {
        fields ??= new TdSynnexFieldNames();
        if (response.IsNotFound || response.NormalizedCode is "deleted" or "rejected")
            return false;
        if (status.Lines.Any(l => l.State == LineState.Invoiced) && status.Lines.All(l => l.State is LineState.Invoiced or LineState.Cancelled))
            return true;
        var shippedOrders = response.Rows
            .Where(r => !r.IsDeleted && r.ShipQuantity > 0)
            .Select(r => r.OrderNumber.Trim())
            .Distinct(StringComparer.Ordinal)
            .Count();
        if (shippedOrders == 0)
            return false;
        return NotedInvoiceCount(po[fields.VendorNotes]) < shippedOrders;
    }

    /// <summary>Distinct invoice numbers already noted as <c>Invoice {number} ...</c> lines.</summary>
    public static int NotedInvoiceCount(string memo) =>
        memo.Split('\n')
            .Select(l => InvoiceLineRegex().Match(l.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

    [GeneratedRegex(@"^Invoice\s+(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceLineRegex();
}
