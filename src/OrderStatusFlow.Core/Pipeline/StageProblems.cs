using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>What a stage factory reports its problems to: every message is prefixed <c>stages[i] (type): </c>.</summary>
public sealed class StageProblems
{
    readonly PipelineProblems _problems;
    readonly StageDefinition _stage;

    internal StageProblems(PipelineProblems problems, StageDefinition stage)
    {
        _problems = problems;
        _stage = stage;
    }

    public bool HasProblems => _problems.HasProblems;


    /// <summary>A problem at <paramref name="at"/> (the stage itself when null), e.g. "parallelism must be ...".</summary>
    public void Add(JToken? at, string message) => _problems.Add(at ?? _stage.Token, _stage.PathLabel, message);

    /// <summary>A problem with one of the stage's <c>args</c>: reported as <c>args.{name} {message}</c>.</summary>
    public void Arg(string name, string message) =>
        _problems.Add(_stage.Args.SelectToken(name) ?? (JToken?)_stage.Args.Parent ?? _stage.Token, _stage.PathLabel, $"args.{name} {message}");

    /// <summary>A problem elsewhere in the file that this stage depends on, e.g. <c>connections.tdsynnex.url</c>.</summary>
    public void At(JToken? at, string path, string message) => _problems.Add(at ?? _stage.Token, path, $"{message} (needed by {_stage.PathLabel})");
}
