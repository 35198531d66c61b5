using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Reads one <c>stages[i]</c> entry: its type (known to the registry) and the engine-owned keys that apply to its
/// role. Keys that do not apply to the role are reported rather than silently ignored.
/// </summary>
internal sealed class StageEntryReader
{
    readonly JsonReading _json;
    readonly StageRegistry _registry;
    readonly JObject _entry;
    readonly int _index;

    public StageEntryReader(JsonReading json, StageRegistry registry, JObject entry, int index)
    {
        _json = json;
        _registry = registry;
        _entry = entry;
        _index = index;
    }

    public StageDefinition? Read()
    {
        var type = _json.String(_entry, "type", $"stages[{_index}]", required: true);
        if (type is null)
            return null;
        var label = $"stages[{_index}] ({type})";
        _json.UnknownKeys(_entry, $"stages[{_index}]", ["type", "parallelism", "boundedCapacity", "batchSize", "flushAfter", "args"], label);

        StageRole? role = null;
        if (_registry.TryGet(type, out var factory))
            role = factory.Role;
        else
            _json.Problems.Add(_entry["type"], label, _registry.UnknownTypeMessage(type));

        var args = _entry["args"] switch
        {
            null => new JObject(),
            JObject o => o,
            var other => Bad(other, label, "args must be an object { ... }"),
        };

        var defaults = new StageDefinition { Index = _index, Type = type };
        if (role is { } r)
            foreach (var key in new[] { "parallelism", "boundedCapacity", "batchSize", "flushAfter" })
                if (_entry.Property(key) is { } property && !Applies(key, r))
                    _json.Problems.Add(property, label, $"{key} does not apply to a {PipelineValidator.Text(r)} stage; remove it ({Where(key)})");

        var parallelism = _json.Int(_entry, "parallelism", "", 1, 64, label) ?? DefaultParallelism(role);
        var capacity = _json.Int(_entry, "boundedCapacity", "", 1, 100_000, label) ?? Math.Max(64, parallelism * 4);
        if (_entry["parallelism"] is not null && _entry["boundedCapacity"] is { } cap && capacity < parallelism)
            _json.Problems.Add(cap, label, $"boundedCapacity ({capacity}) must be at least parallelism ({parallelism}), or the extra workers idle");

        return new StageDefinition
        {
            Index = _index,
            Type = type,
            Role = role,
            Parallelism = role is StageRole.Status or StageRole.Rules or StageRole.Writer ? parallelism : 1,
            BoundedCapacity = capacity,
            BatchSize = _json.Int(_entry, "batchSize", "", 1, 1000, label) ?? defaults.BatchSize,
            FlushAfter = _json.TimeSpan(_entry, "flushAfter", "", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), label) ?? defaults.FlushAfter,
            Args = args,
            Token = _entry,
        };
    }

    JObject Bad(JToken token, string label, string message)
    {
        _json.Problems.Add(token, label, message);
        return new JObject();
    }

    static bool Applies(string key, StageRole role) => key switch
    {
        "parallelism" => role is StageRole.Status or StageRole.Rules or StageRole.Writer,
        "boundedCapacity" => role is StageRole.Status or StageRole.Rules or StageRole.Writer,
        _ => role is StageRole.Writer,
    };

    static string Where(string key) => key switch
    {
        "parallelism" => "it applies to the status, rules and writer stages",
        "boundedCapacity" => "it applies to the status, rules and writer stages",
        _ => "it applies to the writer stage",
    };

    static int DefaultParallelism(StageRole? role) => role switch
    {
        StageRole.Status => 8,
        StageRole.Rules => 2,
        _ => 1,
    };
}
