using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Collects problems while a definition is validated. Each problem points at a JSON token, whose line and column come
/// from the loader; when the value came from an unset <c>${VAR}</c>, the message says which variable to set.
/// </summary>
public sealed class PipelineProblems
{
    readonly List<PipelineProblem> _items = [];
    readonly PipelineDocument _document;

    public PipelineProblems(PipelineDocument document) => _document = document;

    public IReadOnlyList<PipelineProblem> Items => _items;

    public bool HasProblems => _items.Count > 0;

    /// <param name="at">The token the problem is about (its line and column are reported); null for none.</param>
    /// <param name="path">Where in the file, e.g. <c>stages[1] (tdsynnex.status)</c> or <c>activityLog.path</c>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Add(JToken? at, string path, string message)
    {
        var (line, column) = _document.PositionOf(at);
        var unset = _document.UnsetVariablesOf(at);
        if (unset.Count > 0)
            message += $" (the value comes from {string.Join(", ", unset.Select(v => "${" + v + "}"))}, which is not set: set that environment variable)";
        _items.Add(new PipelineProblem(_document.DisplayPath, line, column, path, message));
    }

    public void Add(PipelineProblem problem) => _items.Add(problem);

    /// <summary>A view that prefixes every problem with the stage's path: <c>stages[i] (type)</c>.</summary>
    public StageProblems ForStage(StageDefinition stage) => new(this, stage);
}
