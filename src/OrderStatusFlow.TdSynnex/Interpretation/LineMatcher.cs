using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex.Xml;

namespace OrderStatusFlow.TdSynnex.Interpretation;

/// <summary>
/// Pairs each TD SYNNEX line (rows grouped by <c>lineNumber</c>) with a ServiceNow PO line: first by the line-number
/// field, else by part number = <c>MfgPN</c> or <c>SKU</c> among lines not matched yet. Each ServiceNow line is used once.
/// </summary>
internal static class LineMatcher
{
    public static IReadOnlyDictionary<string, PurchaseOrderLine> Match(
        PurchaseOrder po, IReadOnlyList<IGrouping<string, PoStatusRow>> groups, TdSynnexFieldNames fields)
    {
        var result = new Dictionary<string, PurchaseOrderLine>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);

        foreach (var group in groups)
        {
            var line = po.Lines.FirstOrDefault(l => !used.Contains(l.SysId) && SameLineNumber(l.Number, group.Key));
            if (line is null)
                continue;
            result[group.Key] = line;
            used.Add(line.SysId);
        }

        foreach (var group in groups.Where(g => !result.ContainsKey(g.Key)))
        {
            var parts = group.SelectMany(r => new[] { r.MfgPn, r.Sku }).Where(p => p.Length > 0).ToList();
            var candidates = po.Lines.Where(l => !used.Contains(l.SysId) && parts.Contains(l[fields.PartNumber].Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
            // Prefer a line that has no line number of its own: a numbered line belongs to its own TD SYNNEX line.
            var line = candidates.FirstOrDefault(l => l.Number.Trim().Length == 0) ?? candidates.FirstOrDefault();
            if (line is null)
                continue;
            result[group.Key] = line;
            used.Add(line.SysId);
        }
        return result;
    }

    static bool SameLineNumber(string serviceNow, string tds)
    {
        var a = serviceNow.Trim();
        if (a.Length == 0)
            return false;
        if (string.Equals(a, tds, StringComparison.OrdinalIgnoreCase))
            return true;
        // "1" and "1.0" or "001" are the same line.
        return decimal.TryParse(a, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var x)
               && decimal.TryParse(tds, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var y)
               && x == y;
    }
}
