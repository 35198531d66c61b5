using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Service.Composition;

/// <summary><c>servicenow.open-orders</c>: pages the open connector POs and their lines from the Table API.</summary>
sealed class ServiceNowOpenOrdersFactory(bool checkConnectionValues = true) : StageFactory<ServiceNowOpenOrdersFactory.Args>
{
    /// <summary>No arguments yet: the query and page size live in the pipeline's <c>source</c> section.</summary>
    public sealed class Args;

    public override string Type => "servicenow.open-orders";

    public override StageRole Role => StageRole.Source;

    public override string Description => "Reads open connector POs and their lines from the ServiceNow Table API, page by page";

    protected override void Validate(Args options, StageContext context, StageProblems problems) =>
        ServiceNowConnection.Validate(context, problems, checkConnectionValues);

    protected override object Create(Args options, StageContext context) =>
        new OwnedOrderSource(new ServiceNowClient(ServiceNowConnection.Options(context), timeProvider: context.TimeProvider));

    /// <summary>The source owns its client: disposing the stage (on a pipeline reload) closes its connections.</summary>
    sealed class OwnedOrderSource(ServiceNowClient client) : IOrderSource, IDisposable
    {
        readonly ServiceNowOrderSource _inner = new(client);

        public IAsyncEnumerable<Core.Domain.PurchaseOrder> ReadOpenOrdersAsync(CancellationToken cancellationToken) =>
            _inner.ReadOpenOrdersAsync(cancellationToken);

        public IAsyncEnumerable<Core.Domain.PurchaseOrder> ReadOpenHeadersAsync(CancellationToken cancellationToken) =>
            _inner.ReadOpenHeadersAsync(cancellationToken);

        public IAsyncEnumerable<Core.Domain.PurchaseOrder> ReadLinesAsync(IReadOnlyList<Core.Domain.PurchaseOrder> headers, CancellationToken cancellationToken) =>
            _inner.ReadLinesAsync(headers, cancellationToken);

        public void Dispose() => client.Dispose();
    }
}
