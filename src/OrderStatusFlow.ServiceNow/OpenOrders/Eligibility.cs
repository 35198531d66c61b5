namespace OrderStatusFlow.ServiceNow.OpenOrders;

/// <summary>
/// Which POs the connector may touch: submitted through the connector (cpo id set), not completed, not in a terminal
/// TD SYNNEX status. Checked here, once, whatever the source query returned; an ineligible PO still reaches the
/// engine, which logs it as skipped with <see cref="WhyIneligible"/> and never queries or writes it.
/// </summary>
public sealed class Eligibility(OpenOrdersOptions options)
{
    /// <summary>The TD SYNNEX status field of the PO (shown by the activity log).</summary>
    public string OrderStatusField => options.OrderStatusField;

    /// <summary>Why the PO must not be touched, or null when it is eligible.</summary>
    public string? WhyIneligible(IReadOnlyDictionary<string, string> po)
    {
        if (po.GetValueOrDefault(options.CpoIdField, "").Trim().Length == 0)
            return $"{options.CpoIdField} is empty: not submitted through the connector";
        var status = po.GetValueOrDefault(options.StatusField, "").Trim();
        if (options.CompletedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
            return $"{options.StatusField} is '{status}': the PO is completed";
        var orderStatus = po.GetValueOrDefault(options.OrderStatusField, "").Trim();
        if (options.TerminalStatuses.Contains(orderStatus, StringComparer.OrdinalIgnoreCase))
            return $"{options.OrderStatusField} is '{orderStatus}': the order is in a terminal TD SYNNEX status";
        return null;
    }
}
