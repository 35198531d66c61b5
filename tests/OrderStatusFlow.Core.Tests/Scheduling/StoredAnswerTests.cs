using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Core.Tests.Scheduling;

public sealed class StoredAnswerTests
{
    [Test]
    public void PackThenUnpack_KeepsWhatTheRulesSee()
    {
        var status = new OrderStatus
        {
            HeaderCode = "accepted",
            State = PoState.Partial,
            ShippedQuantity = 2,
            OrderedQuantity = 4,
            TrackingNumbers = ["772019384455"],
            ShipDate = "2026-01-02",
            Eta = "2026-02-20",
            InvoicesQueried = true,
            Invoices = [new Invoice { Number = "91234567", Date = "2026-01-04" }],
            Lines =
            [
                new LineStatus { LineNumber = "1", PoLineSysId = "ln1", State = LineState.Partial, OrderedQuantity = 4, ShippedQuantity = 2, EstimatedShipDate = "2026-01-09" },
            ],
        };

        var packed = StoredAnswer.Pack(status);
        var back = StoredAnswer.Unpack(packed);

        Assert.Multiple(() =>
        {
            Assert.That(back.State, Is.EqualTo(PoState.Partial));
            Assert.That(back.TrackingNumbers, Is.EqualTo(status.TrackingNumbers));
            Assert.That(back.Invoices.Single().Number, Is.EqualTo("91234567"));
            Assert.That(back.Lines.Single().EstimatedShipDate, Is.EqualTo("2026-01-09"));
            Assert.That(back.Lines.Single().State, Is.EqualTo(LineState.Partial));
            Assert.That(back.InvoicesQueried, Is.True);
            Assert.That(packed.Length, Is.LessThan(400), "stored compact");
        });
    }
}
