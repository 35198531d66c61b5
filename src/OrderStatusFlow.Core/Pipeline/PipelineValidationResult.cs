namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The outcome of loading a definition: the definition when there is no problem, else every problem.</summary>
public sealed record PipelineValidationResult(PipelineDefinition? Definition, IReadOnlyList<PipelineProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;

    public static PipelineValidationResult Failed(params PipelineProblem[] problems) => new(null, problems);
}
