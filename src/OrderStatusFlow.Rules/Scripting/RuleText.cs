namespace OrderStatusFlow.Rules.Scripting;

/// <summary>Text helpers shared by the globals and the fixture runner.</summary>
internal static class RuleText
{
    /// <summary>Comma-joined without spaces: trimmed, blanks dropped, distinct, in order of first appearance.</summary>
    public static string Join(IEnumerable<string?>? values)
    {
        if (values is null)
            return "";
        var seen = new List<string>();
        foreach (var value in values)
        {
            var item = value?.Trim();
            if (!string.IsNullOrEmpty(item) && !seen.Contains(item, StringComparer.Ordinal))
                seen.Add(item);
        }
        return string.Join(",", seen);
    }
}
