namespace OrderStatusFlow.ServiceNow;

/// <summary>How bad a doctor finding is.</summary>
public enum ServiceNowFindingLevel
{
    Ok,
    Warning,
    Error,
}
