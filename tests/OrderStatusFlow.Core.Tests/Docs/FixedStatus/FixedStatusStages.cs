using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Example.FixedStatus;

/// <summary>Registers <c>example.fixed-status</c>.</summary>
public static class FixedStatusStages
{
    public static StageRegistry AddFixedStatus(this StageRegistry registry) => registry.Register(new FixedStatusFactory());
}
