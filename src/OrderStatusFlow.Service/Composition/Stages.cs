using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Service.Composition;

/// <summary>The stage types this build knows, as the pipeline file names them.</summary>
static class Stages
{
    /// <param name="activityLog">Where rule loads are recorded; read when the rules stage is built.</param>
    /// <param name="logger">The process logger.</param>
    public static StageRegistry CreateRegistry(Func<IActivityLog?> activityLog, Serilog.ILogger logger) =>
        new StageRegistry()
            .Register(new ServiceNowOpenOrdersFactory())
            .Register(new TdSynnexStatusFactory())
            .Register(new RulesEvaluateFactory(activityLog, logger))
            .Register(new ServiceNowBatchUpdateFactory());
}
