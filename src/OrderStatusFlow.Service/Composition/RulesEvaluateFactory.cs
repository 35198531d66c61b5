using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Catalog;

namespace OrderStatusFlow.Service.Composition;

/// <summary>
/// <c>rules.evaluate</c>: the C# scripts in the rules folder, compiled once per version and reloaded on save. Built once
/// per process (the service keeps it across pipeline reloads); every load is recorded in <c>rule_loads</c>.
/// </summary>
sealed class RulesEvaluateFactory(Func<IActivityLog?> activityLog, Serilog.ILogger logger) : StageFactory<RulesEvaluateFactory.Args>
{
    /// <summary>No arguments: the folder is <c>--rules</c> (or <c>OSF_RULES</c>) and the settings are the pipeline's <c>settings</c>.</summary>
    public sealed class Args;

    public override string Type => "rules.evaluate";

    public override StageRole Role => StageRole.Rules;

    public override string Description => "Evaluates the C# rule scripts (file-name order) and keeps only what changes";

    protected override void Validate(Args options, StageContext context, StageProblems problems)
    {
        if (!Directory.Exists(context.RulesFolder))
            problems.Add(null, $"the rules folder '{context.RulesFolder}' does not exist: pass --rules or set OSF_RULES");
    }

    protected override object Create(Args options, StageContext context)
    {
        var log = activityLog();
        var start = log is null
            ? RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger)
            : RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger, log);
        return start.GetAwaiter().GetResult();
    }
}
