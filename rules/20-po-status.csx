// PO status, and partial shipments in "note" mode.
// Settings:
//   poStatusField      (default u_tds_order_status)
//   notesField         (default u_vendor_notes): where partial-shipment notes go
//   invoiceNotesField  (default: notesField): where 40-invoices writes the invoice references
//   partialShipments   "status" (default: the PO gets TDS Partial) or "note" (status kept, one note per growth)
var poStatusField = Setting("poStatusField", "u_tds_order_status");
var notesField = Setting("notesField", "u_vendor_notes");
var invoiceNotesField = Setting("invoiceNotesField", notesField);
// The values after the default are the only ones accepted: lint and every rules load refuse any other value.
var partialShipments = Setting("partialShipments", "status", "status", "note");
const string PartialPrefix = "Partial shipment: ";

if (Tds.State == PoState.Partial && partialShipments == "note")
    NotePartialShipment();
else
    Set(poStatusField, Label());

string Label() => Tds.State switch
{
    PoState.Cancelled => "TDS Cancelled",
    // Terminal only with the invoice references: returned now (40-invoices writes them in this same update) or
    // already recorded by an earlier cycle. Otherwise every line is at least shipped.
    PoState.Invoiced => InvoicesKnown() ? "TDS Invoiced" : "TDS Shipped",
    PoState.Shipped => "TDS Shipped",
    PoState.Partial => "TDS Partial",
    PoState.Backordered => "TDS Backordered",
    PoState.Released => "TDS Released",
    _ => "TDS Accepted",
};

bool InvoicesKnown() =>
    Tds.Invoices.Count > 0 || Po[invoiceNotesField].Split('\n').Any(l => l.Trim().StartsWith("Invoice ", StringComparison.Ordinal));

// One line each time the PO's shipped total grows while partial: a note already recording this total (or more) is enough.
void NotePartialShipment()
{
    var shipped = Tds.ShippedQuantity;
    var alreadyNoted = Po[notesField].Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.StartsWith(PartialPrefix, StringComparison.Ordinal))
        .Select(l => l.Substring(PartialPrefix.Length).Split(' ')[0])
        .Any(n => int.TryParse(n, out var noted) && noted >= shipped);
    if (shipped <= 0 || alreadyNoted)
        return;
    var tracking = Join(Tds.TrackingNumbers);
    var text = $"{PartialPrefix}{shipped} of {Tds.OrderedQuantity} units shipped";
    AppendNote(notesField, tracking.Length > 0 ? $"{text} ({tracking})" : text);
}
