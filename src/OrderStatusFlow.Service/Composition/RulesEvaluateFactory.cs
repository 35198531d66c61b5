using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Catalog;
using OrderStatusFlow.Rules.Isolation;
using OrderStatusFlow.Rules.Protection;

namespace OrderStatusFlow.Service.Composition;

/// <summary>
/// <c>rules.evaluate</c>: the C# scripts in the rules folder, compiled once per version and reloaded on save. Built once
/// per process (the service keeps it across pipeline reloads); every load is recorded in <c>rule_loads</c>.
/// </summary>
sealed class RulesEvaluateFactory(Func<IActivityLog?> activityLog, Serilog.ILogger logger) : StageFactory<RulesEvaluateFactory.Args>
{
    /// <summary>The folder is <c>--rules</c> (or <c>OSF_RULES</c>) and the settings are the pipeline's <c>settings</c>.</summary>
    public sealed class Args
    {
        /// <summary>Whether rules may write the PO's out-of-box <c>status</c> field (e.g. to map TDS Shipped onto it). Default false.</summary>
        public bool AllowStatusWrite { get; init; }
    }

    /// <summary>The fields rules may not write under <paramref name="definition"/> (also used by <c>lint</c>).</summary>
    public static ProtectedFields Protection(PipelineDefinition definition)
    {
        var stage = definition.Stages.FirstOrDefault(s => s.Type == "rules.evaluate");
        var allowStatus = stage?.Args.GetValue("allowStatusWrite", StringComparison.OrdinalIgnoreCase) is { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } value && (bool)value;
        return new ProtectedFields { MarkerField = definition.Source.CpoIdField, AllowStatusWrite = allowStatus };
    }

    // Set when this process runs under the osf run supervisor (Cli/RuleSupervisor.cs); one per process.
    static readonly Lazy<RuleCrashGuard?> Guard = new(() =>
        Environment.GetEnvironmentVariable(Cli.RuleSupervisor.GuardVariable) is { Length: > 0 } folder ? RuleCrashGuard.Open(folder) : null);

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
        var catalogOptions = new RuleCatalogOptions
        {
            CrashGuard = Guard.Value,
            ProtectedFields = new ProtectedFields { MarkerField = context.Source.CpoIdField, AllowStatusWrite = options.AllowStatusWrite },
        };
        var start = log is null
            ? RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger, options: catalogOptions)
            : RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger, log, catalogOptions);
        return start.GetAwaiter().GetResult();
    }
}
