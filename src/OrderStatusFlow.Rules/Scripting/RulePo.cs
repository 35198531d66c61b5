using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Rules.Scripting;

/// <summary>The PO as a rule sees it: read-only values plus its lines as <see cref="RuleLine"/> views.</summary>
public sealed class RulePo
{
    readonly PurchaseOrder _po;

    internal RulePo(PurchaseOrder po, OrderStatus status, RuleOutcome outcome)
    {
        _po = po;
        var lines = new RuleLine[po.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = new RuleLine(po.Lines[i], status, outcome);
        Lines = lines;
    }

    public string SysId => _po.SysId;

    public string Number => _po.Number;

    /// <summary>The current value of a PO field, "" when absent.</summary>
    public string this[string field] => _po[field];

    public IReadOnlyDictionary<string, string> Fields => _po.Fields;

    public IReadOnlyList<RuleLine> Lines { get; }

    public override string ToString() => _po.ToString();
}
