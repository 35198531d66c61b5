namespace OrderStatusFlow.Core.Pipeline;

/// <summary>Thrown when a pipeline definition cannot be used; carries every problem found, not just the first.</summary>
public sealed class PipelineValidationException : Exception
{
    public PipelineValidationException(IReadOnlyList<PipelineProblem> problems)
        : base(BuildMessage(problems)) => Problems = problems;

    public IReadOnlyList<PipelineProblem> Problems { get; }

    static string BuildMessage(IReadOnlyList<PipelineProblem> problems) =>
        $"The pipeline definition has {problems.Count} problem(s):" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
