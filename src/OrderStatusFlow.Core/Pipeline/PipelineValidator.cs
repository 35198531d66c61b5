using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Binding;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Checks a whole pipeline document before anything starts and reports every problem together, each with its file,
/// line, column and path. Every section goes through <see cref="OptionsBinder"/> (top level:
/// <see cref="PipelineFileOptions"/>, each stage entry: <see cref="StageEntryOptions"/>, <see cref="ActivityLogOptions"/>,
/// each stage's args and connections: its factory); this class adds what needs the registry: unknown stage types
/// (with the known ones), keys that do not apply to a stage's role, and stage order and roles.
/// </summary>
public sealed class PipelineValidator
{
    static readonly StageRole[] RoleOrder = [StageRole.Source, StageRole.Status, StageRole.Rules, StageRole.Writer];

    readonly StageRegistry _registry;

    public PipelineValidator(StageRegistry registry) => _registry = registry;

    /// <summary>False for <c>lint</c>: see <see cref="StageContext.CheckConnectionValues"/>.</summary>
    public bool CheckConnectionValues { get; init; } = true;

    public PipelineValidationResult Validate(PipelineDocument document, string rulesFolder = "rules")
    {
        var problems = new PipelineProblems(document);
        var root = document.Root;
        MovedSource.Report(root, problems);
        var file = OptionsBinder.Bind<PipelineFileOptions>(root, "", problems.Add, handledElsewhere: key => key == "source");
        var activityLog = file.ActivityLog is null
            ? new ActivityLogOptions()
            : OptionsBinder.Bind<ActivityLogOptions>(file.ActivityLog, "activityLog", problems.Add);
        var stages = ReadStages(file.Stages, problems);
        var console = OptionsBinder.Bind<ConsoleSectionOptions>(file.Console, "console", problems.Add);
        var schedule = file.Schedule is null
            ? new ScheduleDefinition()
            : OptionsBinder.Bind<ScheduleDefinition>(file.Schedule, "schedule", problems.Add);

        var definition = new PipelineDefinition
        {
            Name = file.Name ?? "",
            Enabled = file.Enabled,
            Interval = file.Interval,
            Connections = file.Connections,
            Stages = stages,
            Settings = file.Settings,
            ActivityLog = activityLog,
            Console = console,
            Schedule = schedule,
            FilePath = document.DisplayPath,
        };

        foreach (var stage in stages)
        {
            if (!_registry.TryGet(stage.Type, out var factory))
                continue;
            var context = new StageContext { Definition = definition, Stage = stage, RulesFolder = rulesFolder, CheckConnectionValues = CheckConnectionValues };
            try
            {
                factory.Validate(stage.Args, context, problems.ForStage(stage));
            }
            catch (Exception ex)
            {
                problems.Add(stage.Token, stage.PathLabel, $"the stage's validation failed unexpectedly ({ex.GetType().Name}: {ex.Message}); this is a bug in the stage, please report it");
            }
        }

        return problems.HasProblems
            ? new PipelineValidationResult(null, problems.Items)
            : new PipelineValidationResult(definition, []);
    }

    List<StageDefinition> ReadStages(JArray? array, PipelineProblems problems)
    {
        var stages = new List<StageDefinition>();
        if (array is null)
            return stages;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JObject entry)
            {
                problems.Add(array[i], $"stages[{i}]", "must be an object with a \"type\"");
                continue;
            }
            if (ReadStage(entry, i, problems) is { } stage)
                stages.Add(stage);
        }
        CheckRoles(array, stages, problems);
        return stages;
    }

    // Problems about an entry read "stages[i] (type): key message", like the stage's own "args.key message".
    StageDefinition? ReadStage(JObject entry, int index, PipelineProblems problems)
    {
        var label = entry["type"] is JValue { Type: JTokenType.String } t ? $"stages[{index}] ({(string)t!})" : $"stages[{index}]";
        var prefix = $"stages[{index}].";
        var options = OptionsBinder.Bind<StageEntryOptions>(entry, $"stages[{index}]",
            (token, path, message) => problems.Add(token, label, $"{(path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path)} {message}"));
        if (options.Type is not { Length: > 0 } type || entry["type"]?.Type != JTokenType.String)
            return null;

        StageRole? role = null;
        if (_registry.TryGet(type, out var factory))
        {
            role = factory.Role;
            foreach (var (key, given) in new[] { ("parallelism", options.Parallelism is not null), ("boundedCapacity", options.BoundedCapacity is not null),
                         ("batchSize", options.BatchSize is not null), ("flushAfter", options.FlushAfter is not null) })
                if (given && !Applies(key, role.Value))
                    problems.Add(entry.Property(key), label, $"{key} does not apply to a {Text(role.Value)} stage; remove it ({Where(key)})");
        }
        else
            problems.Add(entry["type"], label, _registry.UnknownTypeMessage(type));

        var defaults = new StageDefinition { Index = index, Type = type };
        var parallelism = options.Parallelism ?? DefaultParallelism(role);
        return new StageDefinition
        {
            Index = index,
            Type = type,
            Role = role,
            Parallelism = role is StageRole.Status or StageRole.Rules or StageRole.Writer ? parallelism : 1,
            BoundedCapacity = options.BoundedCapacity ?? Math.Max(64, parallelism * 4),
            BatchSize = options.BatchSize ?? defaults.BatchSize,
            FlushAfter = options.FlushAfter ?? defaults.FlushAfter,
            Args = options.Args ?? new JObject(),
            Token = entry,
        };
    }

    static bool Applies(string key, StageRole role) => key is "parallelism" or "boundedCapacity"
        ? role is StageRole.Status or StageRole.Rules or StageRole.Writer
        : role is StageRole.Writer;

    static string Where(string key) => key is "parallelism" or "boundedCapacity"
        ? "it applies to the status, rules and writer stages"
        : "it applies to the writer stage";

    static int DefaultParallelism(StageRole? role) => role switch
    {
        StageRole.Status => 8,
        StageRole.Rules => 2,
        _ => 1,
    };

    void CheckRoles(JArray array, List<StageDefinition> stages, PipelineProblems problems)
    {
        if (stages.Any(s => s.Role is null) || stages.Count != array.Count)
            return; // unknown types are already reported; roles cannot be judged without them
        var before = problems.Items.Count;
        foreach (var role in RoleOrder)
        {
            var ofRole = stages.Where(s => s.Role == role).ToList();
            if (ofRole.Count == 0)
                problems.Add(array, "stages", $"has no {Text(role)} stage; add one of: {string.Join(", ", _registry.Factories.Where(f => f.Role == role).Select(f => f.Type).DefaultIfEmpty("(none registered)"))}");
            foreach (var extra in ofRole.Skip(1))
                problems.Add(extra.Token, extra.PathLabel, $"is a second {Text(role)} stage; a pipeline has exactly one source, status, rules and writer stage");
        }
        if (problems.Items.Count != before || stages.Count != RoleOrder.Length)
            return;
        for (var i = 0; i < RoleOrder.Length; i++)
            if (stages[i].Role != RoleOrder[i])
                problems.Add(stages[i].Token, stages[i].PathLabel,
                    $"is a {Text(stages[i].Role!.Value)} stage where the {Text(RoleOrder[i])} stage belongs; the order is source, status, rules, writer");
    }

    internal static string Text(StageRole role) => role.ToString().ToLowerInvariant();
}
