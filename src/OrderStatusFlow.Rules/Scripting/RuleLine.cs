using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Rules.Scripting;

/// <summary>One PO line as a rule sees it, with its matched TD SYNNEX line status in <see cref="Tds"/>.</summary>
public sealed class RuleLine
{
    readonly PurchaseOrderLine _line;
    readonly OrderStatus _status;
    readonly RuleOutcome _outcome;
    LineStatus? _tds;
    bool _matched;

    internal RuleLine(PurchaseOrderLine line, OrderStatus status, RuleOutcome outcome)
    {
        _line = line;
        _status = status;
        _outcome = outcome;
    }

    public string SysId => _line.SysId;

    /// <summary>The current value of a line field, "" when absent.</summary>
    public string this[string field] => _line[field];

    public IReadOnlyDictionary<string, string> Fields => _line.Fields;

    /// <summary>The TD SYNNEX status matched to this line (by <see cref="LineStatus.PoLineSysId"/>), null when unmatched.</summary>
    public LineStatus? Tds
    {
        get
        {
            if (!_matched)
            {
                // A linear scan: POs have a handful of lines, and this allocates nothing.
                var lines = _status.Lines;
                for (var i = 0; i < lines.Count && _tds is null; i++)
                    if (string.Equals(lines[i].PoLineSysId, _line.SysId, StringComparison.Ordinal))
                        _tds = lines[i];
                _matched = true;
            }
            return _tds;
        }
    }

    /// <summary>Sets a field of this line (later rules override earlier ones).</summary>
    public void Set(string field, string? value) => _outcome.SetLine(_line.SysId, RuleGlobals.RequireField(field), value);

    public void Set(string field, int value) => Set(field, RuleText.Number(value));

    public override string ToString() => _line.ToString();
}
