using OrderStatusFlow.Core.Stages;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Stages;

[TestFixture]
sealed class PoNumberCheckTests
{
    [TestCase("", "empty number")]
    [TestCase("   ", "empty number")]
    [TestCase("PO123456789012345678901", "at most 20")]
    [TestCase("PO 1", "(space)")]
    [TestCase("PO1é", "U+00E9")]
    [TestCase("PO\u00001", "U+0000")]
    public void WhyUnusable_BadNumber_SaysWhatToFix(string number, string reason)
    {
        var check = new PoNumberCheck();

        Assert.That(check.WhyUnusable(Some.PurchaseOrder(number, sysId: "s1"), "proc_po"), Does.Contain(reason).And.Contain("s1"));
    }

    [Test]
    public void WhyUnusable_SecondRecordWithTheSameNumber_FailsOnlyTheSecond()
    {
        var check = new PoNumberCheck();

        Assert.That(check.WhyUnusable(Some.PurchaseOrder("PO1", sysId: "first"), "proc_po"), Is.Null);
        Assert.That(check.WhyUnusable(Some.PurchaseOrder("po1", sysId: "second"), "proc_po"), Does.Contain("proc_po record first has too"));
        Assert.That(check.WhyUnusable(Some.PurchaseOrder("PO1", sysId: "first"), "proc_po"), Is.Null, "the same record again is not a duplicate");
    }

    [TestCase("PO0010457")]
    [TestCase("ACME-2026/11#7")]
    public void WhyUnusable_UsualNumber_IsNull(string number) =>
        Assert.That(new PoNumberCheck().WhyUnusable(Some.PurchaseOrder(number), "proc_po"), Is.Null);
}
