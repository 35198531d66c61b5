using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// A parsed pipeline file: the JSON tree with line info, after <c>${VAR}</c> expansion, plus which values came from
/// variables that were not set (so validation can say which variable to set).
/// </summary>
public sealed class PipelineDocument
{
    readonly IReadOnlyDictionary<JToken, IReadOnlyList<string>> _unset;
    readonly IReadOnlyDictionary<JToken, (int Line, int Column)> _starts;

    public PipelineDocument(
        string displayPath,
        JObject root,
        IReadOnlyDictionary<JToken, IReadOnlyList<string>> unsetVariables,
        IReadOnlyDictionary<JToken, (int Line, int Column)>? starts = null)
    {
        DisplayPath = displayPath;
        Root = root;
        _unset = unsetVariables;
        _starts = starts ?? new Dictionary<JToken, (int, int)>();
    }

    /// <summary>
    /// Where <paramref name="token"/> starts (1-based line and column), or its nearest located ancestor; (0, 0) when
    /// unknown. Newtonsoft records where a token ends, so the loader computes starts before expanding variables.
    /// </summary>
    public (int Line, int Column) PositionOf(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            if (_starts.TryGetValue(t, out var start))
                return start;
            if (t is IJsonLineInfo info && info.HasLineInfo())
                return (info.LineNumber, info.LinePosition);
        }
        return (0, 0);
    }

    /// <summary>The path as the user gave it; used as the <c>file</c> part of every problem.</summary>
    public string DisplayPath { get; }

    public JObject Root { get; }

    /// <summary>Every variable referenced by the file that was not set (distinct, in order of appearance).</summary>
    public IReadOnlyList<string> UnsetVariables => _unset.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The unset variables that produced <paramref name="token"/> (or a property's value).</summary>
    public IReadOnlyList<string> UnsetVariablesOf(JToken? token)
    {
        if (token is JProperty property)
            token = property.Value;
        return token is not null && _unset.TryGetValue(token, out var names) ? names : [];
    }
}
