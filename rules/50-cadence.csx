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
// - A released line carries EstimatedShipDate: the ship date is announced. Far from it, a few checks a day catch an
//   early shipment or a changed date; from the day before it on, often.
// - A back-ordered line carries ETADate (else EstimatedShipDate): rarely while it is weeks away, more often as it
//   nears, often from the day before it on (ETAs slip, and the PO can move earlier when stock arrives).
// - A shipped PO waits for its invoice, which TD SYNNEX issues days after shipping (the invoice query then returns
//   it): a few times on the ship day, then every 100 minutes so an invoice is known within two hours.
// - Repeated TD SYNNEX errors (rules do not run then) back off in the scheduler: schedule.errorBackoff, doubling.
// Settings (time spans, hh:mm:ss or d.hh:mm:ss): cadenceOften (00:10:00), cadenceAccepted (00:10:00),
//   cadenceFar (1.00:00:00), cadenceInvoice (01:40:00), cadenceShipDay (06:00:00).
var often = Span("cadenceOften", "00:10:00");
var accepted = Span("cadenceAccepted", "00:10:00");
var far = Span("cadenceFar", "1.00:00:00");
var invoice = Span("cadenceInvoice", "01:40:00");
var shipDay = Span("cadenceShipDay", "06:00:00");

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
        if (Tds.State == PoState.Partial)
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

// Often from the day before the announced date on (and once it has passed); in between, a fraction of the time left,
// so checks thicken as the date nears; at most cadenceFar apart. No date announced: every two hours.
void ByDate(string? date)
{
    if (ToDate(date) is not { } day)
    {
        CheckAgainIn(TimeSpan.FromHours(2));
        return;
    }
    var watchFrom = day - TimeSpan.FromDays(1);
    if (Now >= watchFrom)
    {
        CheckAgainIn(often);
        return;
    }
    var quarter = TimeSpan.FromTicks((watchFrom - Now).Ticks / 4);
    CheckAgainIn(quarter < often ? often : quarter > far ? far : quarter);
    CheckAgainAt(watchFrom); // never sleep past the start of the watch
}

// Shipped today (ShipDate is a date): the invoice is days away, a few checks; afterwards every cadenceInvoice.
void WaitForInvoice()
{
    var shipped = ToDate(Tds.ShipDate);
    CheckAgainIn(shipped is { } day && Now - day < TimeSpan.FromDays(1) ? shipDay : invoice);
}

TimeSpan Span(string name, string fallback)
{
    var text = Setting(name, fallback);
    if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= TimeSpan.Zero)
        throw new ArgumentException($"settings.{name} is \"{text}\": use a positive time span such as \"00:10:00\" or \"1.00:00:00\".");
    return value;
}
