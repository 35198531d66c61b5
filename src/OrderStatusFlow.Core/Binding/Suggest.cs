namespace OrderStatusFlow.Core.Binding;

/// <summary>"Did you mean": the known name nearest to a misspelt one.</summary>
public static class Suggest
{
    /// <summary>The known name nearest to <paramref name="name"/> (case-insensitive), or null when none is close.</summary>
    public static string? Closest(IEnumerable<string> known, string name, int? maxDistance = null)
    {
        var wanted = name.ToLowerInvariant();
        var limit = maxDistance ?? Math.Max(3, name.Length / 3);
        var best = known.Select(k => (Name: k, Distance: Distance(k.ToLowerInvariant(), wanted))).MinBy(k => k.Distance);
        return best.Name is not null && best.Distance <= limit ? best.Name : null;
    }

    /// <summary>Levenshtein distance.</summary>
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
