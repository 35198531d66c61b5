using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Rules.Tests.Fixtures;

/// <summary>Behaviour of the shipped rules across cycles, where a single fixture case cannot show it.</summary>
public sealed class ShippedRulesTests
{
    static readonly Dictionary<string, string> NoteMode = new() { ["partialShipments"] = "note" };

    [Test]
    public void Evaluate_NoteModeRerunOnWrittenData_WritesNothing()
    {
        var set = RuleCompiler.CompileDirectory(RepoPaths.Rules).RuleSet!;
        try
        {
            var po = RuleTestData.Po();
            var status = Partial(3, "772019384455", "772019384466");

            var first = ChangeDetector.Diff(po, set.Evaluate(new RuleContext(po, status, NoteMode)));
            Assert.That(first.PoFields["u_vendor_notes"], Is.EqualTo("Partial shipment: 3 of 6 units shipped (772019384455,772019384466)"));
            Assert.That(first.PoFields, Does.Not.ContainKey("u_tds_order_status"));

            po = Apply(po, first);
            var second = ChangeDetector.Diff(po, set.Evaluate(new RuleContext(po, status, NoteMode)));
            Assert.That(second.IsEmpty, Is.True, "re-running on unchanged data writes nothing: " + second.ToFieldsJson("proc_po", "proc_po_item"));

            po = Apply(po, second);
            var grown = ChangeDetector.Diff(po, set.Evaluate(new RuleContext(po, Partial(5, "772019384455", "772019384466", "772019384477"), NoteMode)));
            Assert.That(ChangeDetector.SplitLines(grown.PoFields["u_vendor_notes"]), Is.EqualTo(new[]
            {
                "Partial shipment: 3 of 6 units shipped (772019384455,772019384466)",
                "Partial shipment: 5 of 6 units shipped (772019384455,772019384466,772019384477)",
            }));
        }
        finally
        {
            set.Unload();
        }
    }

    static OrderStatus Partial(int shipped, params string[] tracking) => new()
    {
        HeaderCode = "shipped",
        State = PoState.Partial,
        OrderedQuantity = 6,
        ShippedQuantity = shipped,
        TrackingNumbers = tracking,
        Lines =
        [
            new LineStatus { LineNumber = "1", PoLineSysId = "ln1", State = shipped >= 4 ? LineState.Shipped : LineState.Partial, OrderedQuantity = 4, ShippedQuantity = Math.Min(4, shipped), TrackingNumbers = tracking },
            new LineStatus { LineNumber = "2", PoLineSysId = "ln2", State = shipped > 4 ? LineState.Partial : LineState.Accepted, OrderedQuantity = 2, ShippedQuantity = Math.Max(0, shipped - 4) },
        ],
    };

    static PurchaseOrder Apply(PurchaseOrder po, StatusUpdate update)
    {
        var fields = po.Fields.ToDictionary();
        foreach (var (field, value) in update.PoFields)
            fields[field] = value;
        var lines = po.Lines.Select(line =>
        {
            var lineFields = line.Fields.ToDictionary();
            foreach (var (field, value) in update.Lines.FirstOrDefault(l => l.SysId == line.SysId)?.Fields ?? new Dictionary<string, string>())
                lineFields[field] = value;
            return new PurchaseOrderLine(line.SysId, lineFields, line.Number);
        }).ToList();
        return new PurchaseOrder(po.SysId, po.Number, fields, lines);
    }
}
