using System.ComponentModel.DataAnnotations;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Service.Composition;

/// <summary><c>servicenow.batch-update</c>: writes the changed fields through the Batch API, checking every value came back.</summary>
sealed class ServiceNowBatchUpdateFactory(bool checkConnectionValues = true) : StageFactory<ServiceNowBatchUpdateFactory.Args>
{
    public sealed class Args
    {
        /// <summary>Records (PO or line PATCHes) per Batch API request; larger batches are split. Default 100.</summary>
        [Range(1, 1000)]
        public int MaxItemsPerRequest { get; set; } = 100;
    }

    public override string Type => "servicenow.batch-update";

    public override StageRole Role => StageRole.Writer;

    public override string Description => "Writes changed PO and line fields through the ServiceNow Batch API and verifies them";

    protected override void Validate(Args options, StageContext context, StageProblems problems)
    {
        // The source stage already reports the shared connection's problems; say them once.
        if (context.Definition.Stages.All(s => s.Type != "servicenow.open-orders"))
            ServiceNowConnection.Validate(context, problems, checkConnectionValues);
    }

    protected override object Create(Args options, StageContext context)
    {
        var serviceNow = ServiceNowConnection.Options(context);
        serviceNow.MaxBatchItems = options.MaxItemsPerRequest;
        return new OwnedRecordWriter(new ServiceNowClient(serviceNow, timeProvider: context.TimeProvider));
    }

    sealed class OwnedRecordWriter(ServiceNowClient client) : IRecordWriter, IDisposable
    {
        readonly ServiceNowRecordWriter _inner = new(client);

        public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<StatusUpdate> batch, CancellationToken cancellationToken) =>
            _inner.WriteBatchAsync(batch, cancellationToken);

        public Task<IReadOnlyList<WriteResult>> ConfirmAsync(IReadOnlyList<StatusUpdate> updates, CancellationToken cancellationToken) =>
            _inner.ConfirmAsync(updates, cancellationToken);

        public void Dispose() => client.Dispose();
    }
}
