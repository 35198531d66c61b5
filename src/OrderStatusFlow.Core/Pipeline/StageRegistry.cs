namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// The stage types a pipeline may use, keyed by lower-case dotted id. Registering an id twice throws; looking up an
/// unknown id says which ids are known and which one was probably meant.
/// </summary>
public sealed class StageRegistry
{
    readonly Dictionary<string, IStageFactory> _factories = new(StringComparer.Ordinal);
    readonly Lock _lock = new();

    public StageRegistry Register(IStageFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsValidId(factory.Type))
            throw new ArgumentException(
                $"Stage type '{factory.Type}' ({factory.GetType().Name}) is not a valid id: use lower-case dotted words such as 'tdsynnex.status'.", nameof(factory));
        lock (_lock)
        {
            if (_factories.TryGetValue(factory.Type, out var existing))
                throw new InvalidOperationException(
                    $"Stage type '{factory.Type}' is already registered by {existing.GetType().Name}; {factory.GetType().Name} cannot register it again. Pick another id.");
            _factories.Add(factory.Type, factory);
        }
        return this;
    }

    /// <summary>Known ids, sorted.</summary>
    public IReadOnlyList<string> Types
    {
        get { lock (_lock) return _factories.Keys.Order(StringComparer.Ordinal).ToList(); }
    }

    public IReadOnlyList<IStageFactory> Factories
    {
        get { lock (_lock) return _factories.Values.OrderBy(f => f.Role).ThenBy(f => f.Type, StringComparer.Ordinal).ToList(); }
    }

    public bool TryGet(string type, out IStageFactory factory)
    {
        lock (_lock)
            return _factories.TryGetValue(type, out factory!);
    }

    public IStageFactory Get(string type) =>
        TryGet(type, out var factory) ? factory : throw new KeyNotFoundException(UnknownTypeMessage(type));

    /// <summary>"Unknown stage type 'x'. Did you mean 'y'? Known types: ...".</summary>
    public string UnknownTypeMessage(string type)
    {
        var known = Types;
        if (known.Count == 0)
            return $"unknown stage type '{type}': no stage types are registered";
        var hint = Closest(known, type, Math.Max(3, type.Length / 3)) is { } closest ? $" Did you mean '{closest}'?" : "";
        return $"unknown stage type '{type}'.{hint} Known types: {string.Join(", ", known)}";
    }

    static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')
        && !id.StartsWith('.') && !id.EndsWith('.');

    /// <summary>The known name nearest to <paramref name="name"/> (case-insensitive), or null when none is within <paramref name="maxDistance"/>.</summary>
    internal static string? Closest(IEnumerable<string> known, string name, int maxDistance)
    {
        var wanted = name.ToLowerInvariant();
        var best = known.Select(k => (Name: k, Distance: Distance(k.ToLowerInvariant(), wanted))).MinBy(k => k.Distance);
        return best.Name is not null && best.Distance <= maxDistance ? best.Name : null;
    }

    /// <summary>Levenshtein distance, for "did you mean".</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
