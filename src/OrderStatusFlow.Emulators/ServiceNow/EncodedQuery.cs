using System.Globalization;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// The encoded-query subset of the Table API: <c>= != LIKE NOT LIKE STARTSWITH ENDSWITH IN NOT IN ISEMPTY ISNOTEMPTY
/// &lt; &lt;= &gt; &gt;= ANYTHING</c>, joined by <c>^</c> (and), <c>^OR</c> (or), <c>^NQ</c> (new query), plus
/// <c>ORDERBY</c>/<c>ORDERBYDESC</c>. Terms on unknown fields are ignored, as the real instance does by default.
/// </summary>
sealed class EncodedQuery
{
    static readonly string[] Operators =
        ["NOT IN", "NOT LIKE", "ISNOTEMPTY", "ISEMPTY", "STARTSWITH", "ENDSWITH", "ANYTHING", "LIKE", "IN", "!=", "<=", ">=", "=", "<", ">"];

    // NQ segments, each an AND of OR-groups of terms.
    readonly List<List<List<Term>>> _segments = [];
    readonly List<(string Field, bool Descending)> _order = [];

    public IEnumerable<string> Fields => _segments.SelectMany(s => s).SelectMany(g => g).Select(t => t.Field);

    public static EncodedQuery Parse(string? text)
    {
        var query = new EncodedQuery();
        if (string.IsNullOrWhiteSpace(text))
            return query;
        foreach (var segmentText in text.Split("^NQ"))
        {
            var segment = new List<List<Term>>();
            foreach (var part in segmentText.Split('^'))
            {
                if (part.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
                    query._order.Add((part["ORDERBYDESC".Length..], true));
                else if (part.StartsWith("ORDERBY", StringComparison.Ordinal))
                    query._order.Add((part["ORDERBY".Length..], false));
                else if (part.StartsWith("OR", StringComparison.Ordinal) && segment.Count > 0 && ParseTerm(part[2..]) is { } orTerm)
                    segment[^1].Add(orTerm);
                else if (ParseTerm(part) is { } term)
                    segment.Add([term]);
            }
            query._segments.Add(segment);
        }
        return query;
    }

    public bool Matches(IReadOnlyDictionary<string, string> record, ISet<string> columns) =>
        _segments.Count == 0 || _segments.Any(s => s.All(group => group.Any(t => !columns.Contains(t.Field) || t.Matches(record))));

    /// <summary>
    /// A field every matching record must hold one of the given values in (a term <c>fieldINa,b</c> or <c>field=a</c>
    /// ANDed with the rest of a query without <c>^NQ</c>), so the caller may look the candidates up instead of testing
    /// every record; null when the query has no such term. Terms on unknown fields match everything and do not count.
    /// </summary>
    public (string Field, IReadOnlyCollection<string> Values)? RequiredValues(ISet<string> columns)
    {
        if (_segments.Count != 1)
            return null;
        foreach (var group in _segments[0])
            if (group is [{ Op: "IN" or "=" } term] && columns.Contains(term.Field))
                return (term.Field, term.Op == "IN" ? term.InValues : [term.Value]);
        return null;
    }

    public IEnumerable<Dictionary<string, string>> Sort(IEnumerable<Dictionary<string, string>> records)
    {
        if (_order.Count == 0)
            return records;
        IOrderedEnumerable<Dictionary<string, string>>? sorted = null;
        foreach (var (field, descending) in _order)
        {
            string Key(Dictionary<string, string> r) => r.GetValueOrDefault(field, "");
            sorted = sorted is null
                ? descending ? records.OrderByDescending(Key, ValueComparer.Instance) : records.OrderBy(Key, ValueComparer.Instance)
                : descending ? sorted.ThenByDescending(Key, ValueComparer.Instance) : sorted.ThenBy(Key, ValueComparer.Instance);
        }
        return sorted!;
    }

    static Term? ParseTerm(string part)
    {
        var end = 0;
        while (end < part.Length && (char.IsAsciiLetterLower(part[end]) || char.IsAsciiDigit(part[end]) || part[end] is '_' or '.'))
            end++;
        if (end == 0)
            return null;
        var rest = part[end..];
        var op = Operators.FirstOrDefault(o => rest.StartsWith(o, StringComparison.Ordinal));
        return op is null ? null : new Term(part[..end], op, rest[op.Length..]);
    }

    sealed record Term(string Field, string Op, string Value)
    {
        // IN lists can hold hundreds of sys_ids: split once, not per row.
        readonly HashSet<string> _set = Op is "IN" or "NOT IN" ? new HashSet<string>(Value.Split(','), StringComparer.Ordinal) : [];

        public IReadOnlyCollection<string> InValues => _set;

        public bool Matches(IReadOnlyDictionary<string, string> record)
        {
            var actual = record.GetValueOrDefault(Field, "") ?? "";
            return Op switch
            {
                "=" => actual == Value,
                "!=" => actual != Value,
                "LIKE" => actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
                "NOT LIKE" => !actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
                "STARTSWITH" => actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
                "ENDSWITH" => actual.EndsWith(Value, StringComparison.OrdinalIgnoreCase),
                "IN" => _set.Contains(actual),
                "NOT IN" => !_set.Contains(actual),
                "ISEMPTY" => actual.Length == 0,
                "ISNOTEMPTY" => actual.Length > 0,
                "ANYTHING" => true,
                "<" => ValueComparer.Instance.Compare(actual, Value) < 0,
                "<=" => ValueComparer.Instance.Compare(actual, Value) <= 0,
                ">" => ValueComparer.Instance.Compare(actual, Value) > 0,
                ">=" => ValueComparer.Instance.Compare(actual, Value) >= 0,
                _ => false,
            };
        }
    }

    /// <summary>Numbers compare as numbers, everything else ordinally (dates are sortable text).</summary>
    sealed class ValueComparer : IComparer<string>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (LooksNumeric(x) && LooksNumeric(y)
                && decimal.TryParse(x, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(y, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
                return a.CompareTo(b);
            return string.CompareOrdinal(x, y);
        }

        static bool LooksNumeric(string? text) => text is { Length: > 0 } && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.');
    }
}
