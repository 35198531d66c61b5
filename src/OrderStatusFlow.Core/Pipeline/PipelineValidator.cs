using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Checks a whole pipeline document before anything starts and reports every problem together, each with its file,
/// line, column and path: unknown keys, wrong types and ranges, unknown stage types (with the known ones), stage order
/// and roles, and each stage factory's own validation of its args.
/// </summary>
public sealed class PipelineValidator
{
    static readonly string[] TopKeys = ["name", "enabled", "interval", "connections", "stages", "settings", "activityLog", "console", "schedule"];
    static readonly StageRole[] RoleOrder = [StageRole.Source, StageRole.Status, StageRole.Rules, StageRole.Writer];

    readonly StageRegistry _registry;

    public PipelineValidator(StageRegistry registry) => _registry = registry;

    /// <summary>False for <c>lint</c>: see <see cref="StageContext.CheckConnectionValues"/>.</summary>
    public bool CheckConnectionValues { get; init; } = true;

    public PipelineValidationResult Validate(PipelineDocument document, string rulesFolder = "rules")
    {
        var problems = new PipelineProblems(document);
        var root = document.Root;
        var json = new JsonReading(problems);
        json.UnknownKeys(root.Properties().Any(p => p.Name == "source") ? new JObject(root.Properties().Where(p => p.Name != "source")) : root, "", TopKeys);
        MovedSource.Report(root, problems);

        var name = json.String(root, "name", "", required: true) ?? "";
        var enabled = json.Bool(root, "enabled", "") ?? true;
        var interval = json.TimeSpan(root, "interval", "", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)) ?? TimeSpan.FromMinutes(5);
        var connections = ReadConnections(root, json);
        var settings = ReadSettings(root, json, problems);
        var activityLog = ReadActivityLog(root, json, problems);
        var stages = ReadStages(root, json, problems);
        var console = Binding.OptionsBinder.Bind<ConsoleSectionOptions>(json.Object(root, "console", ""), "console", problems.Add);
        var schedule = json.Object(root, "schedule", "") is { } scheduleSection
            ? Binding.OptionsBinder.Bind<ScheduleDefinition>(scheduleSection, "schedule", problems.Add)
            : new ScheduleDefinition();

        var definition = new PipelineDefinition
        {
            Name = name,
            Enabled = enabled,
            Interval = interval,
            Connections = connections,
            Stages = stages,
            Settings = settings,
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

    static Dictionary<string, JObject> ReadConnections(JObject root, JsonReading json)
    {
        var result = new Dictionary<string, JObject>(StringComparer.Ordinal);
        if (json.Object(root, "connections", "") is not { } connections)
            return result;
        foreach (var property in connections.Properties())
        {
            var path = $"connections.{property.Name}";
            if (property.Value is not JObject section)
            {
                json.Problems.Add(property.Value, path, $"must be an object of settings, e.g. {{ \"url\": \"${{OSF_{property.Name.ToUpperInvariant()}_URL}}\" }}");
                continue;
            }
            foreach (var value in section.Properties().Where(p => p.Value is JContainer))
                json.Problems.Add(value.Value, $"{path}.{value.Name}", "must be a string, number or boolean");
            result[property.Name] = section;
        }
        return result;
    }

    static Dictionary<string, string> ReadSettings(JObject root, JsonReading json, PipelineProblems problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.Object(root, "settings", "") is not { } settings)
            return result;
        foreach (var property in settings.Properties())
        {
            if (property.Value is not JValue { Value: not null } value)
            {
                problems.Add(property.Value, $"settings.{property.Name}", "must be a string, number or boolean (rules see settings as strings)");
                continue;
            }
            result[property.Name] = value.Type == JTokenType.Boolean
                ? ((bool)value ? "true" : "false")
                : Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
        }
        if (settings["notFoundGraceCycles"] is JValue grace
            && !(int.TryParse(result.GetValueOrDefault("notFoundGraceCycles"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000))
            problems.Add(grace, "settings.notFoundGraceCycles", "must be a whole number between 1 and 1000 (the consecutive notFound answer that counts as a failure; default 3)");
        return result;
    }

    static ActivityLogOptions ReadActivityLog(JObject root, JsonReading json, PipelineProblems problems)
    {
        var section = json.Object(root, "activityLog", "");
        if (section is null)
        {
            if (root["activityLog"] is null)
                problems.Add(root, "activityLog", "is missing; add \"activityLog\": { \"path\": \"data/activity.db\" }");
            return new ActivityLogOptions();
        }
        return Binding.OptionsBinder.Bind<ActivityLogOptions>(section, "activityLog", problems.Add);
    }

    List<StageDefinition> ReadStages(JObject root, JsonReading json, PipelineProblems problems)
    {
        var stages = new List<StageDefinition>();
        if (root["stages"] is not JArray array)
        {
            problems.Add(root["stages"] ?? root, "stages", root["stages"] is null
                ? "is missing; list the stages in order: a source, a status, a rules and a writer stage"
                : "must be an array of { \"type\": ... } objects");
            return stages;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JObject entry)
            {
                problems.Add(array[i], $"stages[{i}]", "must be an object with a \"type\"");
                continue;
            }
            var reader = new StageEntryReader(json, _registry, entry, i);
            if (reader.Read() is { } stage)
                stages.Add(stage);
        }
        CheckRoles(array, stages, problems);
        return stages;
    }

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
