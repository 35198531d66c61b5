using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The four seams a pipeline runs, one per role, built by the stage factories of a definition.</summary>
public sealed record PipelineSeams(IOrderSource Source, IStatusProvider Status, IRuleSetProvider Rules, IRecordWriter Writer);
