using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>A validated pipeline file (<c>pipelines/order-status.json</c>): what the engine runs.</summary>
public sealed class PipelineDefinition
{
    public required string Name { get; init; }

    /// <summary>False: the service idles and says so; flipping it back needs no restart.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Time between the end of one cycle and the start of the next. Default 5 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Connection sections by name (e.g. <c>servicenow</c>), after <c>${VAR}</c> expansion.</summary>
    public IReadOnlyDictionary<string, JObject> Connections { get; init; } = new Dictionary<string, JObject>();

    /// <summary>In order: source, status, rules, writer.</summary>
    public required IReadOnlyList<StageDefinition> Stages { get; init; }

    /// <summary>Handed to the rules as strings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The SQLite activity log path, as written in the file.</summary>
    public string ActivityLogPath => ActivityLog.Path;

    /// <summary>The <c>activityLog</c> section.</summary>
    public required ActivityLogOptions ActivityLog { get; init; }

    /// <summary>The <c>console</c> section (the operator console's address and token, before the environment's overrides).</summary>
    public ConsoleSectionOptions Console { get; init; } = new();

    /// <summary>The <c>schedule</c> section: the TD SYNNEX call budget and the back-off after failures.</summary>
    public ScheduleDefinition Schedule { get; init; } = new();

    /// <summary>Where the definition was read from (as given).</summary>
    public string FilePath { get; init; } = "";

    /// <summary><c>settings.notFoundGraceCycles</c>: the consecutive notFound answer that counts as a failure. Default 3.</summary>
    public int NotFoundGraceCycles =>
        Settings.TryGetValue("notFoundGraceCycles", out var text) && int.TryParse(text, out var n) && n >= 1 ? n : 3;

    public StageDefinition StageFor(StageRole role) =>
        Stages.FirstOrDefault(s => s.Role == role)
        ?? throw new InvalidOperationException($"The pipeline '{Name}' has no {role.ToString().ToLowerInvariant()} stage.");
}
