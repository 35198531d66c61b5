namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// What the rules decided for one PO: fields to set on the PO and its lines, lines to append to memo fields, or a
/// reason to skip the PO. Rules record intent here; <see cref="ChangeDetector"/> turns it into the minimal write.
/// Later calls override earlier ones for the same field (rules run in file-name order).
/// </summary>
public sealed class RuleOutcome
{
    readonly Dictionary<string, string> _poFields = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, string>> _lineFields = new(StringComparer.Ordinal);
    readonly List<NoteAppend> _notes = [];

    public IReadOnlyDictionary<string, string> PoFields => _poFields;

    /// <summary>Fields to set per line, keyed by the line's <c>sys_id</c>.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> LineFields => _lineFields;

    public IReadOnlyList<NoteAppend> Notes => _notes;

    /// <summary>Set when a rule skipped the PO; nothing is written then.</summary>
    public string? SkipReason { get; private set; }

    public void SetPo(string field, string? value) => _poFields[field] = value ?? "";

    public void SetLine(string lineSysId, string field, string? value)
    {
        if (!_lineFields.TryGetValue(lineSysId, out var fields))
            _lineFields[lineSysId] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
        fields[field] = value ?? "";
    }

    /// <summary>Append <paramref name="text"/> as one line of the PO memo field, unless that line is already there.</summary>
    public void AppendNote(string field, string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length > 0 && !_notes.Any(n => n.Field == field && n.Text == line))
            _notes.Add(new NoteAppend(field, line));
    }

    public void Skip(string reason) => SkipReason = string.IsNullOrWhiteSpace(reason) ? "skipped by a rule" : reason;

    /// <summary>
    /// When TD SYNNEX should be asked about the PO next; null when no rule said (the scheduler then uses the pipeline
    /// interval). Several requests in one evaluation keep the earliest.
    /// </summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>Requests a check at <paramref name="at"/>; an earlier request of the same evaluation wins.</summary>
    public void CheckAgainAt(DateTimeOffset at)
    {
        if (NextCheckAt is not { } current || at < current)
            NextCheckAt = at;
    }
}

/// <summary>One line to append to a PO memo field.</summary>
public sealed record NoteAppend(string Field, string Text);
