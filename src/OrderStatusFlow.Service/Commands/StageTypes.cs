using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules;
using OrderStatusFlow.ServiceNow;
using OrderStatusFlow.TdSynnex;

namespace OrderStatusFlow.Service.Commands;

/// <summary>The stage types this build knows: one registration line per connector project.</summary>
static class StageTypes
{
    /// <param name="activityLog">Where rule loads are recorded; read when the rules stage is built.</param>
    /// <param name="logger">The process logger.</param>
    public static StageRegistry CreateRegistry(Func<IActivityLog?> activityLog, Serilog.ILogger logger) =>
        new StageRegistry()
            .AddServiceNow()
            .AddTdSynnex()
            .AddRules(activityLog, logger);

    /// <summary>Removes every <c>OSF_*</c> connection variable from this process (see <see cref="ConnectionVariables"/>).</summary>
    public static void ClearConnectionEnvironment() => ConnectionVariables.Clear(ServiceNowConnection.Variables, TdSynnexConnection.Variables);
}
