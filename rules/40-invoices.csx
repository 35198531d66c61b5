// Invoice references: each invoice returned by the invoice query adds the line
// "Invoice {InvoiceNumber} dated {InvoiceDate}" to the memo field once (an existing line is never repeated).
// Settings: invoiceNotesField (default: notesField, default u_vendor_notes).
var invoiceNotesField = Setting("invoiceNotesField", Setting("notesField", "u_vendor_notes"));

foreach (var invoice in Tds.Invoices)
{
    if (!string.IsNullOrWhiteSpace(invoice.Number))
        AppendNote(invoiceNotesField, $"Invoice {invoice.Number.Trim()} dated {invoice.Date}");
}
