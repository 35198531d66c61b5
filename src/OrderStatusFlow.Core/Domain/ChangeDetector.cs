namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// Turns what the rules want into the minimal write: only fields whose value differs from what ServiceNow holds, and
/// memo lines that are not already present. Running it twice on unchanged data yields an empty update.
/// </summary>
public static class ChangeDetector
{
    /// <param name="po">The PO as read this cycle.</param>
    /// <param name="outcome">The rules' outcome.</param>
    /// <param name="lineKey">The label of a line in the activity log (its TD SYNNEX line number); defaults to its sys_id.</param>
    public static StatusUpdate Diff(PurchaseOrder po, RuleOutcome outcome, Func<PurchaseOrderLine, string>? lineKey = null)
    {
        var poFields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in outcome.PoFields)
            if (!string.Equals(Normalize(po[field]), Normalize(value), StringComparison.Ordinal))
                poFields[field] = value;

        var appends = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in outcome.Notes.GroupBy(n => n.Field))
        {
            var current = poFields.TryGetValue(group.Key, out var pending) ? pending : po[group.Key];
            var merged = AppendMissingLines(current, group.Select(n => n.Text));
            // A memo the source did not read may hold the lines already: the writer reads it before deciding.
            if (!string.Equals(Normalize(po[group.Key]), Normalize(merged), StringComparison.Ordinal) || !po.Fields.ContainsKey(group.Key))
            {
                poFields[group.Key] = merged;
                appends[group.Key] = group.Select(n => n.Text).ToList();
            }
        }

        var lines = new List<LineUpdate>();
        foreach (var line in po.Lines)
        {
            if (!outcome.LineFields.TryGetValue(line.SysId, out var wanted))
                continue;
            var changed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (field, value) in wanted)
                if (!string.Equals(Normalize(line[field]), Normalize(value), StringComparison.Ordinal))
                    changed[field] = value;
            if (changed.Count > 0)
                lines.Add(new LineUpdate(line.SysId, lineKey?.Invoke(line) ?? line.SysId, changed));
        }

        return new StatusUpdate(po.SysId, po.Number, poFields, lines) { PoAppends = appends };
    }

    /// <summary>Appends each line not already present (compared trimmed, ordinal) to a newline-separated memo.</summary>
    public static string AppendMissingLines(string current, IEnumerable<string> lines)
    {
        var existing = new HashSet<string>(SplitLines(current), StringComparer.Ordinal);
        var result = current.TrimEnd('\r', '\n');
        foreach (var line in lines)
        {
            if (!existing.Add(line.Trim()))
                continue;
            result = result.Length == 0 ? line : result + "\n" + line;
        }
        return result;
    }

    public static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    // ServiceNow may return CRLF in memo fields and trailing whitespace; neither is a change worth writing.
    static string Normalize(string? value) => (value ?? "").ReplaceLineEndings("\n").Trim();
}
