using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Evaluate;

namespace OrderStatusFlow.Rules;

/// <summary>Registers the rules stage type.</summary>
public static class RulesStages
{
    /// <summary><c>rules.evaluate</c> (rules).</summary>
    /// <param name="activityLog">Where rule loads are recorded; read when the stage is built (null: not recorded).</param>
    /// <param name="logger">The process logger.</param>
    public static StageRegistry AddRules(this StageRegistry registry, Func<IActivityLog?>? activityLog = null, Serilog.ILogger? logger = null) =>
        registry.Register(new RulesEvaluateFactory(activityLog ?? (() => null), logger ?? Serilog.Core.Logger.None));
}
