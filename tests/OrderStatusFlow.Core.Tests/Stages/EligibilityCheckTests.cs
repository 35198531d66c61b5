using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Stages;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Stages;

public sealed class EligibilityCheckTests
{
    [TestCase("151204401", "ordered", "", null)]
    [TestCase("", "ordered", "", "not a connector PO")]
    [TestCase("  ", "ordered", "", "not a connector PO")]
    [TestCase("1", "canceled", "", "completed")]
    [TestCase("1", "RECEIVED", "", "completed")]
    [TestCase("1", "ordered", "TDS Cancelled", "terminal")]
    [TestCase("1", "ordered", "TDS Shipped", null)]
    public void WhyIneligible_DefaultSchema_FollowsTheContract(string cpoId, string status, string orderStatus, string? expected)
    {
        var reason = new EligibilityCheck(new SourceDefinition()).WhyIneligible(Some.PurchaseOrder(cpoId: cpoId, status: status, orderStatus: orderStatus));

        if (expected is null)
            Assert.That(reason, Is.Null);
        else
            Assert.That(reason, Does.StartWith(expected));
    }

    [Test]
    public void WhyIneligible_CustomFieldNames_AreUsed()
    {
        var source = new SourceDefinition { CpoIdField = "u_vendor_ref", TerminalStatuses = ["Closed"] };
        var po = Some.PurchaseOrder(orderStatus: "Closed", fields: new Dictionary<string, string> { ["u_vendor_ref"] = "x" });

        Assert.That(new EligibilityCheck(source).WhyIneligible(po), Does.StartWith("terminal"));
    }
}
