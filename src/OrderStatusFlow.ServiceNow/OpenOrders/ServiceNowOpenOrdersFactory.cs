using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.ServiceNow.OpenOrders;

/// <summary><c>servicenow.open-orders</c>: pages the open connector POs and their lines from the Table API.</summary>
sealed class ServiceNowOpenOrdersFactory : StageFactory<OpenOrdersOptions>
{
    public override string Type => OpenOrdersOptions.StageType;

    public override StageRole Role => StageRole.Source;

    public override string Description => "Reads open connector POs and their lines from the ServiceNow Table API, page by page";

    protected override void Validate(OpenOrdersOptions options, StageContext context, StageProblems problems) =>
        ServiceNowConnection.Bind(context, problems);

    /// <summary>The source owns its client: disposing the stage (on a pipeline reload) closes its connections.</summary>
    protected override object Create(OpenOrdersOptions options, StageContext context) =>
        new ServiceNowOrderSource(
            new ServiceNowClient(ServiceNowConnection.Options(context), timeProvider: context.TimeProvider),
            new Eligibility(options),
            ownsClient: true);
}
