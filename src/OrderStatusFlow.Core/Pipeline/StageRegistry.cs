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
        var hint = Binding.Suggest.Closest(known, type) is { } closest ? $" Did you mean '{closest}'?" : "";
        return $"unknown stage type '{type}'.{hint} Known types: {string.Join(", ", known)}";
    }

    static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')
        && !id.StartsWith('.') && !id.EndsWith('.');
}
