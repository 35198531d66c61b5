using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests.Support;

/// <summary>Scenario data used by the integration tests, built in code (the emulator renders the quirks).</summary>
internal static class TdSynnexScenarios
{
    public static TdSynnexRow Row(string line, string code, string type, int ordered, int shipped, string so, string mfg) => new()
    {
        LineNumber = line, Code = code, OrderType = type, OrderQuantity = ordered, ShipQuantity = shipped, OrderNumber = so,
        Sku = "88" + line, MfgPN = mfg, ProductName = "PRODUCT " + mfg, ShipFromWarehouse = "14", ShipFromCity = "Grove City",
        ShipFromState = "OH", ShipFromZip = "43123",
    };

    public static TdSynnexRow Shipped(string line, int quantity, string so, string mfg, string tracking, string code = "shipped")
    {
        var row = Row(line, code, "SO", quantity, quantity, so, mfg);
        row.ShipDatetime = "2026-11-20T14:03:17";
        row.Packages.Add(new TdSynnexPackage { TrackingNumber = tracking, ShipItemQuantity = quantity, Weight = "3.1", SerialNumbers = [tracking + "-S1", tracking + "-S2"] });
        return row;
    }

    /// <summary>PO Q1: line 1 split (2 shipped, 2 back-ordered with an MM-DD-YYYY ETA), line 2 deleted; every quirk on the wire.</summary>
    public static TdSynnexOrder Quirky()
    {
        var backorder = Row("1", "accepted", "BO", 2, 0, "500002", "20XW00ABUS");
        backorder.EtaDate = "12-18-2026";
        backorder.EstimatedShipDate = "2026-12-17";
        backorder.EstimateDeliveryDate = "2026-12-20";
        backorder.UseEstimatedDeliveryDateSpelling = true;
        backorder.ShipMethod = "NL";
        backorder.ShipMethodDescription = "Hold Order";
        var deleted = Row("2", "deleted", "QO", 2, 0, "500003", "40B00135US");
        return new TdSynnexOrder
        {
            PoNumber = "Q1",
            Timeline = [new TdSynnexOrderStep { At = 0, Code = "accepted", Rows = [Shipped("1", 2, "500001", "20XW00ABUS", "772000001"), backorder, deleted] }],
        };
    }

    /// <summary>A fully invoiced two-line PO with one invoice per sales order, available at <paramref name="availableAt"/>.</summary>
    public static TdSynnexOrder Invoiced(string poNumber, double availableAt = 0) => new()
    {
        PoNumber = poNumber,
        Timeline = [new TdSynnexOrderStep
        {
            At = 0, Code = "invoiced",
            Rows = [Shipped("1", 4, "600001", "20XW00ABUS", "T-1", "invoiced"), Shipped("2", 2, "600002", "40B00135US", "T-2", "invoiced")],
        }],
        Invoices =
        [
            new TdSynnexInvoice { Number = "INV-1", Date = "2026-11-24", AvailableAt = availableAt, SalesOrderNumber = "600001", TrackingNumbers = ["T-1", "T-9"], SerialNumbers = ["T-1-S1"], Total = "4,518.00" },
            new TdSynnexInvoice { Number = "INV-2", Date = "2026-11-25", AvailableAt = availableAt, SalesOrderNumber = "600002", TrackingNumbers = ["T-2"], CommaSeparatedTracking = false },
        ],
    };

    public static TdSynnexOrder Accepted(string poNumber, double at = 0) => new()
    {
        PoNumber = poNumber,
        Timeline = [new TdSynnexOrderStep { At = at, Code = "accepted", Rows = [Row("1", "accepted", "SO", 4, 0, "700001", "20XW00ABUS"), Row("2", "accepted", "SO", 2, 0, "700002", "40B00135US")] }],
    };
}
