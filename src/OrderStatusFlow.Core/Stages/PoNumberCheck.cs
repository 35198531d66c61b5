using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// The PO number is what TD SYNNEX is asked about (<c>PONumber</c>, alphanumeric, at most 20 characters), so a record
/// whose number is empty, too long, has spaces, control or non-ASCII characters, or is shared with another record read
/// in the same cycle cannot be queried safely: that PO fails with what to fix; the others go on. One instance per
/// cycle; thread-safe.
/// </summary>
internal sealed class PoNumberCheck
{
    /// <summary>TD SYNNEX's <c>PONumber</c> is AN 20.</summary>
    public const int MaxLength = 20;

    readonly Dictionary<string, string> _firstSysIdByNumber = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the PO cannot be queried, or null when its number is usable.</summary>
    public string? WhyUnusable(PurchaseOrder po, string table)
    {
        var number = po.Number ?? "";
        var record = $"{table} record {po.SysId}";
        if (number.Trim().Length == 0)
            return $"{record} has an empty number; give the PO its number in ServiceNow (TD SYNNEX is asked by PO number)";
        if (number.Length > MaxLength)
            return $"{record} has a number of {number.Length} characters ('{Shorten(number)}'); TD SYNNEX PO numbers have at most {MaxLength}; correct the number";
        var bad = number.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (bad >= 0)
            return $"{record} has the number '{Printable(number)}' with the character {Describe(number[bad])}; TD SYNNEX PO numbers are printable ASCII without spaces; correct the number";
        lock (_firstSysIdByNumber)
        {
            if (_firstSysIdByNumber.TryGetValue(number, out var first) && first != po.SysId)
                return $"{record} has the number '{number}', which {table} record {first} has too; TD SYNNEX cannot tell them apart, so give each PO its own number";
            _firstSysIdByNumber.TryAdd(number, po.SysId);
        }
        return null;
    }

    static string Shorten(string text) => Printable(text.Length > 24 ? text[..24] + "…" : text);

    static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    static string Describe(char c) => c == ' ' ? "' ' (space)" : $"U+{(int)c:X4}";
}
