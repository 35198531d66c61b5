using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>Tolerant readers for TD SYNNEX XML values: empty elements, stray whitespace, two date formats.</summary>
internal static partial class TdsText
{
    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "MM-dd-yyyy", "MM/dd/yyyy", "yyyy/MM/dd", "yyyyMMdd",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF", "MM-dd-yyyy HH:mm:ss",
    ];

    /// <summary>Lower case, all whitespace removed: <c>NOT FOUND</c>, <c>notFound</c> and <c> notfound </c> are equal.</summary>
    public static string NormalizeCode(string? code) => WhitespaceRegex().Replace(code ?? "", "").ToLowerInvariant();

    /// <summary>The trimmed text of the first child named <paramref name="name"/> (case-insensitive), null when absent or empty.</summary>
    public static string? Text(XElement parent, params string[] names)
    {
        foreach (var name in names)
        {
            var element = Child(parent, name);
            if (element is null)
                continue;
            var value = Collapse(element.Value);
            if (value.Length > 0)
                return value;
        }
        return null;
    }

    public static XElement? Child(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Trims and turns inner line breaks and runs of whitespace into one space.</summary>
    public static string Collapse(string value) => WhitespaceRegex().Replace(value, " ").Trim();

    public static DateOnly? Date(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return DateTime.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;
    }

    /// <summary>A quantity; accepts <c>4</c>, <c>4.0</c>, <c>1,200</c>; null when absent or unreadable.</summary>
    public static int? Int(string? value)
    {
        var amount = Decimal(value);
        return amount is null ? null : (int)Math.Round(amount.Value, MidpointRounding.AwayFromZero);
    }

    /// <summary>An amount; thousands separators are stripped (<c>1,234.50</c>).</summary>
    public static decimal? Decimal(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var cleaned = value.Replace(",", "").Replace("$", "").Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var result) ? result : null;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
