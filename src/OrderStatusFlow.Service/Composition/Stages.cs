using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Service.Composition;

/// <summary>The stage types this build knows, as the pipeline file names them.</summary>
static class Stages
{
    /// <param name="activityLog">Where rule loads are recorded; read when the rules stage is built.</param>
    /// <param name="logger">The process logger.</param>
    /// <param name="checkConnectionValues">
    /// False for <c>lint</c>: the file's shape is checked but not whether the environment supplies URLs and
    /// credentials (that is <c>run</c>'s and <c>doctor</c>'s job), so rules can be linted on any machine.
    /// </param>
    public static StageRegistry CreateRegistry(Func<IActivityLog?> activityLog, Serilog.ILogger logger, bool checkConnectionValues = true) =>
        new StageRegistry()
            .Register(new ServiceNowOpenOrdersFactory(checkConnectionValues))
            .Register(new TdSynnexStatusFactory(checkConnectionValues))
            .Register(new RulesEvaluateFactory(activityLog, logger))
            .Register(new ServiceNowBatchUpdateFactory(checkConnectionValues));
}
