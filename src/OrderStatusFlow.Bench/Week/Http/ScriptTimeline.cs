using System.Globalization;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Bench.Week.Http;

/// <summary>
/// A PO's script as the TD SYNNEX emulator serves it: one PO Status step at the PO's acceptance and at every change of
/// its script (the answer <see cref="OrderScript.StatusAt"/> gives then, written back as XML rows), and one invoice per
/// sales order, available from the moment its line is invoiced. Times are seconds on the emulator's clock, which
/// starts at <c>clockStart</c> on the bench's virtual clock.
/// </summary>
internal static class ScriptTimeline
{
    public static TdSynnexOrder Build(OrderScript script, DateTimeOffset clockStart)
    {
        var order = new TdSynnexOrder { PoNumber = script.Number };
        var lineIds = SimulatedWorld.LineSysIds(script);
        var invoiced = new HashSet<string>(StringComparer.Ordinal);
        // A deleted row keeps the sales order it had (the world's cancelled lines name none).
        var salesOrders = new Dictionary<string, string>(StringComparer.Ordinal);
        var moments = script.Changes.Select(c => c.At).Append(script.AcceptedAt).Distinct().Order();
        foreach (var at in moments)
        {
            var status = script.StatusAt(at, lineIds, invoicesQueried: true);
            var seconds = (at - clockStart).TotalSeconds;
            order.Timeline.Add(new TdSynnexOrderStep
            {
                At = seconds,
                Code = status.HeaderCode,
                PoDatetime = script.AcceptedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                Rows = status.Lines.Select(line =>
                {
                    if (line.SalesOrderNumbers.FirstOrDefault() is { } so)
                        salesOrders[line.LineNumber] = so;
                    return Row(line, salesOrders.GetValueOrDefault(line.LineNumber, ""));
                }).ToList(),
            });
            // Invoices that appear now, paired in line order with the lines that became invoiced now.
            var newInvoices = status.Invoices.Where(i => !order.Invoices.Any(o => o.Number == i.Number)).OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
            var newLines = status.Lines.Where(l => l.State == LineState.Invoiced && invoiced.Add(l.LineNumber)).ToList();
            for (var i = 0; i < newInvoices.Count; i++)
            {
                var line = i < newLines.Count ? newLines[i] : null;
                order.Invoices.Add(new TdSynnexInvoice
                {
                    Number = newInvoices[i].Number,
                    Date = newInvoices[i].Date,
                    AvailableAt = seconds,
                    SalesOrderNumber = line?.SalesOrderNumbers.FirstOrDefault(),
                    TrackingNumbers = line?.TrackingNumbers.ToList() ?? [],
                    LineNumber = line?.LineNumber ?? "1",
                    Quantity = line?.ShippedQuantity ?? 0,
                    MfgPN = line is null ? null : PartNumber(line.LineNumber),
                    Total = "100.00",
                });
            }
        }
        return order;
    }

    /// <summary>The part number the world's ServiceNow lines carry (<see cref="SimulatedWorld.NewRecord"/>).</summary>
    static string PartNumber(string lineNumber) => "PN" + lineNumber;

    static TdSynnexRow Row(LineStatus line, string salesOrder)
    {
        var held = line.State == LineState.Accepted;
        var cancelled = line.State == LineState.Cancelled;
        return new TdSynnexRow
        {
            LineNumber = line.LineNumber,
            Code = cancelled ? "deleted" : line.RowCodes.FirstOrDefault() ?? "accepted",
            OrderNumber = salesOrder,
            OrderType = line.State == LineState.Backordered ? "BO" : "SO",
            OrderQuantity = line.OrderedQuantity,
            ShipQuantity = line.ShippedQuantity,
            UnitPrice = "100.0",
            Sku = "1" + line.LineNumber.PadLeft(6, '0'),
            MfgPN = PartNumber(line.LineNumber),
            ProductName = "WEEK PRODUCT " + line.LineNumber,
            ShipDatetime = line.ShipDate is { } shipped ? shipped + "T12:00:00" : null,
            // Held in review: no warehouse yet and ship method NL ("Hold Order"); released: a warehouse.
            ShipFromWarehouse = held || cancelled ? null : "3",
            ShipFromCity = held || cancelled ? null : "Fremont",
            ShipFromState = held || cancelled ? null : "CA",
            ShipFromZip = held || cancelled ? null : "94538",
            ShipMethod = held ? "NL" : "UG",
            ShipMethodDescription = held ? "Hold Order" : line.Carriers.FirstOrDefault() ?? "UPS Ground",
            EtaDate = line.Eta,
            EstimatedShipDate = line.EstimatedShipDate,
            Packages = line.TrackingNumbers.Select(t => new TdSynnexPackage { TrackingNumber = t, Weight = "2.0", ShipItemQuantity = line.ShippedQuantity }).ToList(),
        };
    }
}
