using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// An answer is used only when it is about the question asked: a PO Status answer must name the PO asked
/// (<c>PONumber</c>) and, when it names one, the configured account (<c>CustomerNumber</c>); an invoice answer must
/// name no other PO and its invoices must belong to the PO's sales orders. Anything else would write another PO's
/// data onto this one, so it fails the PO as a data error and nothing is written.
/// </summary>
internal static class AnswerCheck
{
    public static void PoStatus(string poNumber, string customer, PoStatusResponse response)
    {
        if (response.PoNumber is null && response.IsNotFound)
            return; // a notFound answer may omit the header echo
        if (response.PoNumber is null)
            throw Mismatch("PO Status", poNumber, "names no PONumber, so it cannot be matched to the PO asked");
        if (!Same(response.PoNumber, poNumber))
            throw Mismatch("PO Status", poNumber, $"is about PO '{response.PoNumber}'");
        if (response.CustomerNumber is { } answered && customer.Length > 0 && !Same(answered, customer))
            throw Mismatch("PO Status", poNumber, $"is for customer account '{answered}', not the configured account '{customer}'");
    }

    public static void Invoices(string poNumber, OrderStatus status, InvoiceQueryResult result)
    {
        var other = result.PoNumbers.FirstOrDefault(n => !Same(n, poNumber));
        if (other is not null)
            throw Mismatch("invoice query", poNumber, $"is about PO '{other}'");
        if (status.SalesOrderNumbers.Count == 0)
            return;
        var foreign = result.Invoices.FirstOrDefault(i => i.SalesOrderNumber is { Length: > 0 } so
            && !status.SalesOrderNumbers.Contains(so, StringComparer.OrdinalIgnoreCase));
        if (foreign is not null)
            throw Mismatch("invoice query", poNumber,
                $"has invoice {foreign.Number} for sales order {foreign.SalesOrderNumber}, which is not one of this PO's orders ({string.Join(",", status.SalesOrderNumbers)})");
    }

    static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    static SyncException Mismatch(string endpoint, string poNumber, string what) =>
        new(FailureKind.Data,
            $"TD SYNNEX {endpoint} answer for {poNumber} {what}; nothing was written for this PO. " +
            "Check that the PO number and TD SYNNEX account are right; report it to TD SYNNEX if they are. The PO is queried again next cycle.");
}
