using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.ServiceNow.OpenOrders;

namespace OrderStatusFlow.ServiceNow.BatchUpdate;

/// <summary><c>servicenow.batch-update</c>: writes the changed fields through the Batch API, checking every value came back.</summary>
sealed class ServiceNowBatchUpdateFactory : StageFactory<BatchUpdateOptions>
{
    public override string Type => "servicenow.batch-update";

    public override StageRole Role => StageRole.Writer;

    public override string Description => "Writes changed PO and line fields through the ServiceNow Batch API and verifies them";

    protected override void Validate(BatchUpdateOptions options, StageContext context, StageProblems problems)
    {
        // The source stage already reports the shared connection's problems; say them once.
        if (context.Definition.Stages.All(s => s.Type != OpenOrdersOptions.StageType))
            ServiceNowConnection.Bind(context, problems);
    }

    /// <summary>The writer owns its client and disposes it with the stage.</summary>
    protected override object Create(BatchUpdateOptions options, StageContext context)
    {
        var serviceNow = ServiceNowConnection.Options(context);
        serviceNow.MaxBatchItems = options.MaxItemsPerRequest;
        // The stage's parallelism also caps the Batch API requests in flight when one batch is sent in pieces.
        return new ServiceNowRecordWriter(new ServiceNowClient(serviceNow, timeProvider: context.TimeProvider), ownsClient: true,
            maxConcurrentRequests: context.Stage.Parallelism);
    }
}
