using System.Collections.ObjectModel;

namespace OrderStatusFlow.Rules.Protection;

/// <summary>
/// The pipeline settings as rules see them: a copy behind a read-only wrapper, so a rule can neither change what later
/// POs see (casting to a mutable dictionary fails, the wrapper's mutators throw) nor observe a change the host makes.
/// Made once per settings instance and rule set, not per PO.
/// </summary>
internal sealed class ReadOnlySettings
{
    ReadOnlySettings(IReadOnlyDictionary<string, string> source)
    {
        Source = source;
        View = new ReadOnlyDictionary<string, string>(source.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, string> Source { get; }

    public IReadOnlyDictionary<string, string> View { get; }

    /// <summary>The view of <paramref name="settings"/>, reusing <paramref name="cache"/> when it was made from the same instance.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string> settings, ref ReadOnlySettings? cache)
    {
        var cached = Volatile.Read(ref cache);
        if (cached is not null && ReferenceEquals(cached.Source, settings))
            return cached.View;
        var made = new ReadOnlySettings(settings);
        Volatile.Write(ref cache, made);
        return made.View;
    }
}
