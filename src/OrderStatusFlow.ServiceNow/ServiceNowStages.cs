using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using OrderStatusFlow.ServiceNow.OpenOrders;

namespace OrderStatusFlow.ServiceNow;

/// <summary>Registers the ServiceNow stage types.</summary>
public static class ServiceNowStages
{
    /// <summary><c>servicenow.open-orders</c> (source) and <c>servicenow.batch-update</c> (writer).</summary>
    public static StageRegistry AddServiceNow(this StageRegistry registry) =>
        registry.Register(new ServiceNowOpenOrdersFactory()).Register(new ServiceNowBatchUpdateFactory());
}
