using System.Globalization;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>The deterministic bench data set behind <see cref="TdSynnexScenario.Generate"/> (static, no timeline).</summary>
internal static class BenchScenario
{
    public static TdSynnexScenario Generate(int count, int latencyMs, int maxConcurrentRequests)
    {
        var scenario = new TdSynnexScenario { LatencyMs = latencyMs, MaxConcurrentRequests = maxConcurrentRequests };
        for (var i = 1; i <= count; i++)
            scenario.Orders.Add(Order(i));
        return scenario;
    }

    static TdSynnexOrder Order(int i)
    {
        var state = i % 6;
        var order = new TdSynnexOrder { PoNumber = $"BN{i:D7}" };
        var rows = new List<TdSynnexRow>();
        for (var l = 1; l <= 3; l++)
            rows.AddRange(Rows(i, l, state));
        var header = state switch { 4 => "shipped", 5 => "invoiced", _ => "accepted" };
        order.Timeline.Add(new TdSynnexOrderStep { At = 0, Code = header, PoDatetime = "2026-01-02T09:00:00", Rows = rows });
        if (state == 5)
            for (var l = 1; l <= 3; l++)
                order.Invoices.Add(new TdSynnexInvoice
                {
                    Number = $"9{i:D7}{l}", Date = "2026-01-04", SalesOrderNumber = SalesOrder(i, l),
                    TrackingNumbers = [Tracking(i, l)], SerialNumbers = Serials(i, l, l + 1), LineNumber = l.ToString(CultureInfo.InvariantCulture),
                    Quantity = l + 1, MfgPN = $"SKU-{i}-{l}", Total = (1000m * (l + 1)).ToString("#,0.00", CultureInfo.InvariantCulture),
                });
        return order;
    }

    static IEnumerable<TdSynnexRow> Rows(int i, int l, int state)
    {
        var quantity = l + 1;
        TdSynnexRow Row(string code, string type, int ordered, int shipped, string orderNumber) => new()
        {
            LineNumber = l.ToString(CultureInfo.InvariantCulture), Code = code, OrderNumber = orderNumber, OrderType = type,
            OrderQuantity = ordered, ShipQuantity = shipped, UnitPrice = "100.0", Sku = (1000000 + i * 10 + l).ToString(CultureInfo.InvariantCulture),
            MfgPN = $"SKU-{i}-{l}", ProductName = $"BENCH PRODUCT {i}-{l}", ShipFromWarehouse = "3", ShipFromCity = "Fremont",
            ShipFromState = "CA", ShipFromZip = "94538",
        };
        switch (state)
        {
            case 0:
                var held = Row("accepted", "SO", quantity, 0, SalesOrder(i, l));
                held.ShipMethod = "NL";
                held.ShipMethodDescription = "Hold Order";
                yield return held;
                break;
            case 1:
                var released = Row("accepted", "SO", quantity, 0, SalesOrder(i, l));
                released.EstimatedShipDate = "2026-01-05";
                yield return released;
                break;
            case 2:
                yield return Backorder(Row("accepted", "BO", quantity, 0, SalesOrder(i, l)));
                break;
            case 3:
                yield return Shipped(Row("shipped", "SO", 1, 1, SalesOrder(i, l)), i, l);
                yield return Backorder(Row("accepted", "BO", quantity - 1, 0, $"8{i:D7}{l}"));
                break;
            default:
                yield return Shipped(Row(state == 5 ? "invoiced" : "shipped", "SO", quantity, quantity, SalesOrder(i, l)), i, l);
                break;
        }
    }

    static TdSynnexRow Backorder(TdSynnexRow row)
    {
        row.EtaDate = "2026-02-10";
        row.EstimatedShipDate = "2026-02-09";
        return row;
    }

    static TdSynnexRow Shipped(TdSynnexRow row, int i, int l)
    {
        row.ShipDatetime = "2026-01-03T15:30:00";
        row.Packages.Add(new TdSynnexPackage
        {
            TrackingNumber = Tracking(i, l), Weight = "2.5", ShipItemQuantity = row.ShipQuantity,
            SerialNumbers = Serials(i, l, row.ShipQuantity),
        });
        return row;
    }

    static string SalesOrder(int i, int l) => $"7{i:D7}{l}";

    static string Tracking(int i, int l) => $"1ZBN{i:D8}{l}";

    static List<string> Serials(int i, int l, int count) =>
        Enumerable.Range(1, count).Select(n => $"SN{i:D7}{l}{n:D2}").ToList();
}
