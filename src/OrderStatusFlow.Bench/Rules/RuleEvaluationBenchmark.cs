using System.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Compilation;

namespace OrderStatusFlow.Bench.Rules;

/// <summary>Measures evaluating a rules folder for a typical PO (3 lines, partly shipped): time and allocation per order.</summary>
static class RuleEvaluationBenchmark
{
    public static RuleEvaluationBenchmarkResult Run(string rulesDirectory, int orders = 200_000)
    {
        var compiled = RuleCompiler.CompileDirectory(rulesDirectory);
        var set = compiled.RuleSet ?? throw new InvalidOperationException($"The rules do not compile:\n{compiled.ErrorText}");
        // As in the supervised service: every evaluation is marked in the crash guard's slots (isolation overhead included).
        var guardFolder = Directory.CreateTempSubdirectory("osf-bench-guard-");
        using var guard = OrderStatusFlow.Rules.Isolation.RuleCrashGuard.Open(guardFolder.FullName);
        set.Guard = guard;
        try
        {
            var context = TypicalContext();
            for (var i = 0; i < 2_000; i++)
                set.Evaluate(context);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < orders; i++)
                set.Evaluate(context);
            watch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            return new RuleEvaluationBenchmarkResult(orders, set.Files.Count, watch.Elapsed.TotalMicroseconds / orders, (double)allocated / orders);
        }
        finally
        {
            set.Unload();
            guard.Dispose();
            guardFolder.Delete(recursive: true);
        }
    }

    static RuleContext TypicalContext()
    {
        var lines = Enumerable.Range(1, 3).Select(l => new PurchaseOrderLine($"ln{l}", new Dictionary<string, string>
        {
            ["u_tds_line_number"] = $"{l}", ["part_number"] = $"SKU-1-{l}", ["ordered_quantity"] = $"{l + 1}",
        })).ToList();
        var po = new PurchaseOrder("po1", "BN0000003", new Dictionary<string, string>
        {
            ["status"] = "ordered", ["u_tds_cpo_id"] = "900000003", ["u_tds_order_status"] = "TDS Released", ["u_vendor_notes"] = "",
        }, lines);
        var status = new OrderStatus
        {
            HeaderCode = "shipped",
            State = PoState.Partial,
            Lines =
            [
                new LineStatus { LineNumber = "1", PoLineSysId = "ln1", State = LineState.Shipped, OrderedQuantity = 2, ShippedQuantity = 2, TrackingNumbers = ["772019384455"], Carriers = ["FedEx Ground"], ShipDate = "2026-03-01" },
                new LineStatus { LineNumber = "2", PoLineSysId = "ln2", State = LineState.Partial, OrderedQuantity = 3, ShippedQuantity = 1, TrackingNumbers = ["772019384466"], SerialNumbers = ["SN1"], Carriers = ["FedEx Ground"], ShipDate = "2026-03-02" },
                new LineStatus { LineNumber = "3", PoLineSysId = "ln3", State = LineState.Backordered, OrderedQuantity = 4, BackorderedQuantity = 4, Eta = "2026-04-15" },
            ],
            OrderedQuantity = 9,
            ShippedQuantity = 3,
            BackorderedQuantity = 4,
            TrackingNumbers = ["772019384455", "772019384466"],
            ShipDate = "2026-03-02",
            Eta = "2026-04-15",
        };
        return new RuleContext(po, status, new Dictionary<string, string> { ["partialShipments"] = "note" });
    }
}
