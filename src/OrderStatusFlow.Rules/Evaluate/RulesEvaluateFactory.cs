using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Rules.Catalog;
using OrderStatusFlow.Rules.Isolation;
using OrderStatusFlow.Rules.Protection;

namespace OrderStatusFlow.Rules.Evaluate;

/// <summary>
/// <c>rules.evaluate</c>: the C# scripts in the rules folder, compiled once per version and reloaded on save. Built once
/// per process (the service keeps it across pipeline reloads); every load is recorded in <c>rule_loads</c>.
/// </summary>
sealed class RulesEvaluateFactory(Func<IActivityLog?> activityLog, Serilog.ILogger logger) : StageFactory<EvaluateOptions>
{
    // Set when this process runs under the osf run supervisor; one per process, opened by the first rules stage built
    // (with that stage's watchdog limit).
    static readonly Lock GuardGate = new();
    static RuleCrashGuard? _guard;
    static bool _guardOpened;

    public override string Type => "rules.evaluate";

    public override StageRole Role => StageRole.Rules;

    public override string Description => "Evaluates the C# rule scripts (file-name order) and keeps only what changes";

    protected override void Validate(EvaluateOptions options, StageContext context, StageProblems problems)
    {
        if (!Directory.Exists(context.RulesFolder))
            problems.Add(null, $"the rules folder '{context.RulesFolder}' does not exist: pass --rules or set OSF_RULES");
    }

    protected override object Create(EvaluateOptions options, StageContext context)
    {
        var log = activityLog();
        var catalogOptions = new RuleCatalogOptions
        {
            CrashGuard = Guard(options.WatchdogLimit),
            ProtectedFields = ProtectedFields.For(context.Definition) with { AllowStatusWrite = options.AllowStatusWrite },
        };
        var start = log is null
            ? RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger, options: catalogOptions)
            : RuleCatalog.StartAsync(context.RulesFolder, context.Settings, logger, log, catalogOptions);
        return start.GetAwaiter().GetResult();
    }

    static RuleCrashGuard? Guard(TimeSpan watchdogLimit)
    {
        lock (GuardGate)
        {
            if (!_guardOpened)
            {
                _guard = RuleCrashGuard.Process = Environment.GetEnvironmentVariable(RuleCrashGuard.FolderVariable) is { Length: > 0 } folder
                    ? RuleCrashGuard.Open(folder, watchdogLimit) : null;
                _guardOpened = true;
            }
            return _guard;
        }
    }
}
