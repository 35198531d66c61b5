namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>What a PO Status answer says about the invoice query (<see cref="InvoicePolicy"/>).</summary>
internal enum InvoiceNeed
{
    /// <summary>Not worth a call: nothing shipped, every shipped sales order's invoice is noted, or the PO is gone.</summary>
    None,

    /// <summary>Ask now: the answer shows a sales order <c>invoiced</c> whose invoice is not noted, or every line invoiced.</summary>
    Now,

    /// <summary>Shipped sales orders wait for invoices the answer does not show yet: ask only when the fallback is due.</summary>
    Fallback,
}
