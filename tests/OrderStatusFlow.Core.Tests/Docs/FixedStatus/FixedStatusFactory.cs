using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Example.FixedStatus;

/// <summary><c>example.fixed-status</c>: a status stage that answers every PO with the same status.</summary>
sealed class FixedStatusFactory : StageFactory<FixedStatusOptions>
{
    public override string Type => "example.fixed-status";

    public override StageRole Role => StageRole.Status;

    public override string Description => "Answers every PO with the same status";

    protected override object Create(FixedStatusOptions options, StageContext context) =>
        new FixedStatusProvider(options.HeaderCode);
}
