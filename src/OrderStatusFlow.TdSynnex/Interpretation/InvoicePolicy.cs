using System.Text.RegularExpressions;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// When the invoice query is worth a call (README, "What it reads and writes"). TD SYNNEX invoices per sales order,
/// and PO Status shows a row <c>invoiced</c> once its sales order is invoiced, so the status answer itself says when
/// an invoice is there to fetch:
/// <list type="bullet">
/// <item><see cref="InvoiceNeed.Now"/>: more sales orders are <c>invoiced</c> (a non-deleted row, or every shipped one
/// when the header is <c>invoiced</c>) than the PO memo field (<c>u_vendor_notes</c> by default) holds
/// <c>Invoice ...</c> lines; or every non-cancelled line is invoiced, whatever the memo says: the PO reaches
/// <c>TDS Invoiced</c> only when the invoice query returns the invoices in the same cycle, so a PO whose invoices were
/// noted earlier is asked once more, and then becomes terminal.</item>
/// <item><see cref="InvoiceNeed.Fallback"/>: more sales orders have shipped quantity than invoices are noted, and the
/// answer shows none of the missing ones invoiced. The invoice query may know an invoice before PO Status shows it
/// (and answers older than v2.7 never show <c>invoiced</c>), so the provider still asks, at most once per
/// <c>invoiceFallback</c> per PO.</item>
/// <item><see cref="InvoiceNeed.None"/> otherwise: nothing shipped, every shipped sales order noted, or a
/// <c>notFound</c>, <c>deleted</c> or <c>rejected</c> header. Terminal POs never reach the provider.</item>
/// </list>
/// </summary>
internal static partial class InvoicePolicy
{
    /// <param name="po">The ServiceNow PO with its memo field.</param>
    /// <param name="response">The PO Status answer.</param>
    /// <param name="status">The interpretation of <paramref name="response"/> without invoices.</param>
    /// <param name="fields">ServiceNow field names; defaults when null.</param>
    public static InvoiceDemand Demand(PurchaseOrder po, PoStatusResponse response, OrderStatus status, TdSynnexFieldNames? fields = null)
    {
        fields ??= new TdSynnexFieldNames();
        if (response.IsNotFound || response.NormalizedCode is "deleted" or "rejected")
            return InvoiceDemand.None;
        var everyLineInvoiced = status.Lines.Any(l => l.State == LineState.Invoiced) && status.Lines.All(l => l.State is LineState.Invoiced or LineState.Cancelled);
        var shipped = response.Rows.Where(r => !r.IsDeleted && r.ShipQuantity > 0).ToList();
        var shippedOrders = SalesOrders(shipped);
        var invoicedOrders = response.NormalizedCode == "invoiced" ? shippedOrders : SalesOrders(shipped.Where(r => r.NormalizedCode == "invoiced"));
        var need = Decide(shippedOrders, invoicedOrders, everyLineInvoiced, NotedInvoiceCount(po[fields.VendorNotes]));
        if (need != InvoiceNeed.Fallback)
            return new InvoiceDemand(need);
        var waitingSince = shipped.Where(r => r.NormalizedCode != "invoiced" && r.ShipDate is not null).Select(r => r.ShipDate!.Value).DefaultIfEmpty().Min();
        return new InvoiceDemand(need, waitingSince == default ? null : new DateTimeOffset(waitingSince.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    /// <summary>
    /// The decision from counts: distinct sales orders with shipped quantity, those of them invoiced, whether every
    /// non-cancelled line is invoiced, and the invoices noted. Shared with the simulated world of <c>bench week</c>.
    /// </summary>
    public static InvoiceNeed Decide(int shippedOrders, int invoicedOrders, bool everyLineInvoiced, int notedInvoices) =>
        everyLineInvoiced || (invoicedOrders > notedInvoices && invoicedOrders > 0) ? InvoiceNeed.Now
        : shippedOrders > notedInvoices ? InvoiceNeed.Fallback
        : InvoiceNeed.None;

    /// <summary>Distinct invoice numbers already noted as <c>Invoice {number} ...</c> lines.</summary>
    public static int NotedInvoiceCount(string memo) =>
        memo.Split('\n')
            .Select(l => InvoiceLineRegex().Match(l.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

    static int SalesOrders(IEnumerable<PoStatusRow> rows) =>
        rows.Select(r => r.OrderNumber.Trim()).Distinct(StringComparer.Ordinal).Count();

    [GeneratedRegex(@"^Invoice\s+(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceLineRegex();
}
