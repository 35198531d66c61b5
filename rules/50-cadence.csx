// Polling cadence: when TD SYNNEX is asked about this PO next (CheckAgainIn / CheckAgainAt; the earliest request of
// the whole rule set wins). Without any request the PO is checked every pipeline interval. This rule writes nothing.
//
// Why these defaults (what the TD SYNNEX and market notes say about when an answer changes):
// - TD SYNNEX publishes no rate limit and answers one PO per call, so every call counts; the incumbent connector
//   promises updates "shortly after TD SYNNEX processes an order"; other connectors poll every 30 minutes or offer
//   hourly/daily updates. Suggested classes: about 15 minutes for accepted/released, about an hour for shipped and
//   waiting for the invoice, with back-off on errors.
// - A new order is reviewed by a TD SYNNEX rep (it can be cancelled, "deleted", after manual review) and released to a
//   warehouse within hours: accepted POs are checked often.
// - A released line carries EstimatedShipDate: the ship date is announced. Before that day a few checks (a quarter of
//   the time left, between cadenceNear and cadenceFar apart) still catch an early shipment or a changed date; on the
//   day itself and after it, often.
// - TD SYNNEX dates and date-times carry no time zone and are most likely US Pacific (ResponseDateTime, ShipDatetime):
//   a line due to ship on a date cannot ship before that date begins in Pacific time, 08:00 UTC in winter (PST) and
//   07:00 UTC in summer (PDT). So a date starts at its midnight in tdsTimeZone: "Pacific" (default, with US daylight
//   saving time) or a fixed UTC offset such as "+00:00" (read the dates as UTC) or "-05:00".
// - A back-ordered line carries ETADate (else EstimatedShipDate): the same, by its ETA (ETAs slip, and stock can
//   arrive early).
// - A shipped PO waits for its invoice, which TD SYNNEX issues per sales order days after shipping; PO Status then
//   shows the sales order's rows "invoiced" and the connector fetches the invoice in the same check (the invoice query
//   is not asked at every check: see the README, "What it reads and writes"). So a shipped PO is checked a few times
//   on its ship day, then every cadenceInvoice so an invoice is known within two hours. A partly shipped PO whose
//   shipped part is already invoiced does not wait for it.
// - Repeated TD SYNNEX errors (rules do not run then) back off in the scheduler: schedule.errorBackoff, doubling.
// Settings (time spans, hh:mm:ss or d.hh:mm:ss): cadenceOften (00:10:00), cadenceAccepted (00:10:00),
//   cadenceNear (06:00:00), cadenceFar (1.00:00:00), cadenceInvoice (01:50:00), cadenceShipDay (06:00:00),
//   cadenceNoDate (02:00:00); tdsTimeZone (Pacific).
// With cycles every 5 minutes, a check asked for in 10 minutes happens within 10 minutes of the change it catches.
var often = Span("cadenceOften", "00:10:00");
var accepted = Span("cadenceAccepted", "00:10:00");
var near = Span("cadenceNear", "06:00:00");
var far = Span("cadenceFar", "1.00:00:00");
var invoice = Span("cadenceInvoice", "01:50:00");
var shipDay = Span("cadenceShipDay", "06:00:00");
var noDate = Span("cadenceNoDate", "02:00:00");
var fixedOffset = Zone("tdsTimeZone", "Pacific");

switch (Tds.State)
{
    case PoState.Accepted:
        CheckAgainIn(accepted);
        break;
    case PoState.Shipped:
    case PoState.Invoiced: // every line invoiced but the invoice query has not returned the invoices yet
        WaitForInvoice();
        break;
    case PoState.Released:
    case PoState.Backordered:
    case PoState.Partial:
        foreach (var line in Tds.Lines)
            CheckLine(line);
        if (Tds.State == PoState.Partial && InvoicesMissing())
            WaitForInvoice(); // the shipped part is invoiced on its own
        break;
}

void CheckLine(LineStatus line)
{
    switch (line.State)
    {
        case LineState.Accepted:
            CheckAgainIn(accepted);
            break;
        case LineState.Released:
            ByDate(line.EstimatedShipDate);
            break;
        case LineState.Backordered:
        case LineState.Partial:
            ByDate(line.Eta ?? line.EstimatedShipDate);
            break;
    }
}

// Often from the start of the announced date on (and once it has passed); before it, a quarter of the time left,
// between cadenceNear and cadenceFar apart, and never past the start of that day. No date announced: cadenceNoDate.
void ByDate(string? date)
{
    if (DayStart(date) is not { } watchFrom)
    {
        CheckAgainIn(noDate);
        return;
    }
    if (Now >= watchFrom)
    {
        CheckAgainIn(often);
        return;
    }
    var quarter = TimeSpan.FromTicks((watchFrom - Now).Ticks / 4);
    CheckAgainIn(quarter < near ? near : quarter > far ? far : quarter);
    CheckAgainAt(watchFrom); // never sleep past the start of the watch
}

// On the ship day (ShipDate is a date) the invoice is still days away: every cadenceShipDay; afterwards every
// cadenceInvoice.
void WaitForInvoice()
{
    var shipped = DayStart(Tds.ShipDate);
    CheckAgainIn(shipped is { } day && Now - day < TimeSpan.FromDays(1) ? shipDay : invoice);
}

// When a TD SYNNEX date begins, in UTC: its midnight in tdsTimeZone. Null when blank or not a date.
DateTimeOffset? DayStart(string? date) => ToDate(date) is { } day ? day - (fixedOffset ?? PacificOffset(day)) : null;

// US Pacific time at the midnight that starts the date: daylight time (UTC-7) from the second Sunday in March to the
// first Sunday in November, standard time (UTC-8) otherwise. The switches happen at 02:00, after that midnight.
TimeSpan PacificOffset(DateTimeOffset day)
{
    var date = DateOnly.FromDateTime(day.UtcDateTime);
    var daylight = date > NthSunday(date.Year, 3, 2) && date <= NthSunday(date.Year, 11, 1);
    return TimeSpan.FromHours(daylight ? -7 : -8);
}

DateOnly NthSunday(int year, int month, int n)
{
    var first = new DateOnly(year, month, 1);
    return first.AddDays((7 - (int)first.DayOfWeek) % 7 + 7 * (n - 1));
}

// Fewer "Invoice ..." lines in the notes than sales orders with shipped quantity (TD SYNNEX invoices per sales order).
bool InvoicesMissing()
{
    var shippedOrders = Tds.Lines.Where(l => l.ShippedQuantity > 0).SelectMany(l => l.SalesOrderNumbers).Distinct().Count();
    var noted = Po[Setting("invoiceNotesField", Setting("notesField", "u_vendor_notes"))]
        .Split('\n').Count(l => l.TrimStart().StartsWith("Invoice ", StringComparison.OrdinalIgnoreCase));
    return noted < Math.Max(1, shippedOrders);
}

// "Pacific": null (PacificOffset per date); otherwise a fixed UTC offset.
TimeSpan? Zone(string name, string fallback)
{
    var text = Setting(name, fallback).Trim();
    if (text.Equals("Pacific", StringComparison.OrdinalIgnoreCase))
        return null;
    if (!TimeSpan.TryParse(text.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture, out var value) || value.Duration() > TimeSpan.FromHours(14))
        throw new ArgumentException($"settings.{name} is \"{text}\": use \"Pacific\" or a UTC offset such as \"+00:00\" or \"-05:00\".");
    return value;
}

TimeSpan Span(string name, string fallback)
{
    var text = Setting(name, fallback);
    if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= TimeSpan.Zero)
        throw new ArgumentException($"settings.{name} is \"{text}\": use a positive time span such as \"00:10:00\" or \"1.00:00:00\".");
    return value;
}
