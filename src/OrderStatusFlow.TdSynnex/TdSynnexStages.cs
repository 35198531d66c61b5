using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TdSynnex.Status;

namespace OrderStatusFlow.TdSynnex;

/// <summary>Registers the TD SYNNEX stage types.</summary>
public static class TdSynnexStages
{
    /// <summary><c>tdsynnex.status</c> (status).</summary>
    public static StageRegistry AddTdSynnex(this StageRegistry registry) => registry.Register(new TdSynnexStatusFactory());
}
