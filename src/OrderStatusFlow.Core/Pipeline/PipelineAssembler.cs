using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>Builds the four seams of a validated definition through the registered stage factories.</summary>
public sealed class PipelineAssembler
{
    readonly StageRegistry _registry;

    public PipelineAssembler(StageRegistry registry) => _registry = registry;

    public string RulesFolder { get; init; } = "rules";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;

    public bool DryRun { get; init; }

    /// <param name="definition">A definition that passed validation.</param>
    /// <param name="keepRules">An existing rule-set provider to reuse instead of creating one (rules reload themselves).</param>
    public PipelineSeams Create(PipelineDefinition definition, IRuleSetProvider? keepRules = null)
    {
        var created = new List<object>();
        try
        {
            var source = Build<IOrderSource>(definition, StageRole.Source, created);
            var status = Build<IStatusProvider>(definition, StageRole.Status, created);
            var rules = keepRules ?? Build<IRuleSetProvider>(definition, StageRole.Rules, created);
            var writer = Build<IRecordWriter>(definition, StageRole.Writer, created);
            return new PipelineSeams(source, status, rules, writer);
        }
        catch
        {
            foreach (var seam in created)
                SeamDisposer.DisposeAsync(seam, Logger).AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    T Build<T>(PipelineDefinition definition, StageRole role, List<object> created) where T : class
    {
        var stage = definition.StageFor(role);
        var factory = _registry.Get(stage.Type);
        var context = new StageContext
        {
            Definition = definition,
            Stage = stage,
            RulesFolder = RulesFolder,
            TimeProvider = TimeProvider,
            Logger = Logger.ForContext("Stage", stage.Type),
            DryRun = DryRun,
        };
        var seam = factory.Create(stage.Args, context);
        created.Add(seam);
        return seam as T ?? throw new InvalidOperationException(
            $"{stage.PathLabel}: the factory {factory.GetType().Name} returned {seam?.GetType().Name ?? "null"}, which is not an {typeof(T).Name} as its {role.ToString().ToLowerInvariant()} role requires; this is a bug in the factory");
    }
}
