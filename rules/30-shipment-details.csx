// Shipment details: tracking numbers, ship dates, carrier, serial numbers, quantities and ETA,
// on the PO and on each matched line. Lists are comma-joined without spaces, distinct, in order of first appearance.
// Settings (field targets): poTrackingField, poShipDateField, poEtaField (default empty: proc_po has no ETA column),
// lineShippedField, lineBackorderedField, lineTrackingField, lineSerialsField, lineCarrierField, lineShipDateField,
// lineEtaField.
var poTrackingField = Setting("poTrackingField", "u_tracking_number");
var poShipDateField = Setting("poShipDateField", "u_ship_date");
var poEtaField = Setting("poEtaField", "");
var lineShippedField = Setting("lineShippedField", "u_tds_shipped_quantity");
var lineBackorderedField = Setting("lineBackorderedField", "u_tds_backordered_quantity");
var lineTrackingField = Setting("lineTrackingField", "u_tracking_number");
var lineSerialsField = Setting("lineSerialsField", "u_serial_numbers");
var lineCarrierField = Setting("lineCarrierField", "u_carrier");
var lineShipDateField = Setting("lineShipDateField", "u_ship_date");
var lineEtaField = Setting("lineEtaField", "u_tds_eta");

Set(poTrackingField, Join(Tds.TrackingNumbers));
Set(poShipDateField, Tds.ShipDate ?? "");
if (poEtaField.Length > 0)
    Set(poEtaField, Tds.BackorderedQuantity > 0 ? Tds.Eta ?? "" : "");

foreach (var line in Po.Lines)
{
    if (line.Tds is not { } tds)
        continue;
    line.Set(lineShippedField, tds.ShippedQuantity);
    line.Set(lineBackorderedField, tds.BackorderedQuantity);
    line.Set(lineTrackingField, Join(tds.TrackingNumbers));
    line.Set(lineSerialsField, Join(tds.SerialNumbers));
    // Empty until something ships.
    line.Set(lineCarrierField, tds.ShippedQuantity > 0 ? Join(tds.Carriers) : "");
    line.Set(lineShipDateField, tds.ShipDate ?? "");
    // ETA of the back-ordered quantity; empty when nothing is back-ordered.
    line.Set(lineEtaField, tds.BackorderedQuantity > 0 ? tds.Eta ?? "" : "");
}
