using System.Globalization;

namespace OrderStatusFlow.Rules.Scripting;

/// <summary>Text helpers for the globals, written to allocate little: they run for every order.</summary>
internal static class RuleText
{
    static readonly string[] SmallNumbers = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Comma-joined without spaces: trimmed, blanks dropped, distinct, in order of first appearance.</summary>
    public static string Join(IEnumerable<string?>? values)
    {
        if (values is null)
            return "";
        if (values is IReadOnlyList<string?> { Count: <= 1 } few)
            return few.Count == 0 ? "" : few[0]?.Trim() ?? "";
        List<string>? seen = null;
        foreach (var value in values)
        {
            var item = value?.Trim();
            if (string.IsNullOrEmpty(item))
                continue;
            seen ??= new List<string>(4);
            if (!seen.Contains(item, StringComparer.Ordinal))
                seen.Add(item);
        }
        return seen is null ? "" : seen.Count == 1 ? seen[0] : string.Join(",", seen);
    }

    /// <summary>An integer as invariant text; quantities below 1024 come from a table.</summary>
    public static string Number(int value) =>
        (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    static readonly string[] DateFormats = ["yyyy-MM-dd", "MM-dd-yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A TD SYNNEX or ServiceNow date as midnight UTC; null when blank or not one of the known formats.</summary>
    public static DateTimeOffset? Date(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(DateTime.SpecifyKind(value.Date, DateTimeKind.Utc))
            : null;
}
