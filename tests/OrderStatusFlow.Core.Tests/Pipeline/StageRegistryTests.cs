using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

public sealed class StageRegistryTests
{
    static FakeStageFactory Factory(string type) => new(type, StageRole.Status, _ => new ScriptedStatusProvider());

    [Test]
    public void Register_SameTypeTwice_Throws()
    {
        var registry = new StageRegistry().Register(Factory("tdsynnex.status"));

        var ex = Assert.Throws<InvalidOperationException>(() => registry.Register(Factory("tdsynnex.status")));

        Assert.That(ex!.Message, Does.Contain("'tdsynnex.status' is already registered"));
    }

    [TestCase("TdSynnex.Status")]
    [TestCase("tdsynnex status")]
    [TestCase("")]
    public void Register_InvalidId_Throws(string type) =>
        Assert.Throws<ArgumentException>(() => new StageRegistry().Register(Factory(type)));

    [Test]
    public void Get_UnknownType_ListsKnownTypesAndSuggestsTheClosest()
    {
        var registry = new StageRegistry().Register(Factory("tdsynnex.status")).Register(Factory("servicenow.open-orders"));

        var ex = Assert.Throws<KeyNotFoundException>(() => registry.Get("tdsynex.status"));

        Assert.That(ex!.Message, Is.EqualTo("unknown stage type 'tdsynex.status'. Did you mean 'tdsynnex.status'? Known types: servicenow.open-orders, tdsynnex.status"));
    }

    [Test]
    public void Types_AreSorted()
    {
        var registry = new StageRegistry().Register(Factory("b.x")).Register(Factory("a.y"));

        Assert.That(registry.Types, Is.EqualTo(new[] { "a.y", "b.x" }));
    }
}
