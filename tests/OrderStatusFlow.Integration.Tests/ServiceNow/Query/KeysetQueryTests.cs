using OrderStatusFlow.ServiceNow.Query;

namespace OrderStatusFlow.Integration.Tests.ServiceNow.Query;

[TestFixture]
sealed class KeysetQueryTests
{
    [Test]
    public void Page_OrQuery_PutsTheKeysetTermInEveryGroupAndOneOrderAtTheEnd() =>
        Assert.That(KeysetQuery.Page("a=1^b=2^ORDERBYnumber^NQc=3", "X"), Is.EqualTo("a=1^b=2^sys_id>X^NQc=3^sys_id>X^ORDERBYsys_id"));

    [Test]
    public void Page_FirstPage_HasNoKeysetTerm() =>
        Assert.That(KeysetQuery.Page("a=1^NQc=3", ""), Is.EqualTo("a=1^NQc=3^ORDERBYsys_id"));

    [Test]
    public void Page_EmptyQuery_OnlyOrdersAndPages()
    {
        Assert.That(KeysetQuery.Page("", ""), Is.EqualTo("ORDERBYsys_id"));
        Assert.That(KeysetQuery.Page("", "X"), Is.EqualTo("sys_id>X^ORDERBYsys_id"));
    }
}
