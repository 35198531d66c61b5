using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Stages;

/// <summary>
/// Contract §4: only connector POs (<c>u_tds_cpo_id</c> set) that are not completed and not terminal are queried or
/// written. Checked in code whatever the source query says; field names and values come from the source section.
/// </summary>
internal sealed class EligibilityCheck
{
    readonly SourceDefinition _source;
    readonly PoNumberCheck _numbers = new();

    public EligibilityCheck(SourceDefinition source) => _source = source;

    /// <summary>Why the PO must not be touched, or null when it is eligible.</summary>
    public string? WhyIneligible(PurchaseOrder po)
    {
        if (string.IsNullOrWhiteSpace(po[_source.CpoIdField]))
            return $"not a connector PO: {_source.CpoIdField} is empty";
        var status = po[_source.StatusField].Trim();
        if (_source.CompletedStatuses.Any(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase)))
            return $"completed: {_source.StatusField} is '{status}'";
        var orderStatus = po[_source.OrderStatusField].Trim();
        if (_source.TerminalStatuses.Any(s => string.Equals(s, orderStatus, StringComparison.OrdinalIgnoreCase)))
            return $"terminal: {_source.OrderStatusField} is '{orderStatus}'";
        return null;
    }

    /// <summary>Wraps the PO for the graph; never throws (a malformed PO fails on its own).</summary>
    public OrderWorkItem Admit(PurchaseOrder po)
    {
        var item = new OrderWorkItem(po);
        try
        {
            if (WhyIneligible(po) is { } reason)
                item.Skip(reason);
            else if (_numbers.WhyUnusable(po, _source.Table) is { } unusable)
                item.Fail(FailureKind.Data, unusable);
        }
        catch (Exception ex)
        {
            item.Fail(FailureKind.Data, $"the PO as read from the source cannot be checked ({ex.GetType().Name}: {ex.Message}); check the source's field list");
        }
        return item;
    }
}
