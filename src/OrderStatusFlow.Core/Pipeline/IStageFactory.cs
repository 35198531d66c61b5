using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Builds one stage type from its <c>args</c>. Registered in a <see cref="StageRegistry"/> under <see cref="Type"/>.
/// </summary>
/// <remarks>
/// <see cref="Validate"/> reports every problem with the args (and with the connections the stage needs) and never
/// throws for bad input; <see cref="Create"/> is only called on a definition that validated, and returns the seam of
/// the factory's <see cref="Role"/>: <see cref="Seams.IOrderSource"/>, <see cref="Seams.IStatusProvider"/>,
/// <see cref="Seams.IRuleSetProvider"/> or <see cref="Seams.IRecordWriter"/>. A seam that is
/// <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/> is disposed when the definition is replaced.
/// </remarks>
public interface IStageFactory
{
    /// <summary>Stable lower-case dotted id, e.g. <c>tdsynnex.status</c>.</summary>
    string Type { get; }

    StageRole Role { get; }

    /// <summary>One line for <c>list-stages</c> and the logged pipeline description.</summary>
    string Description { get; }

    void Validate(JObject args, StageContext context, StageProblems problems);

    object Create(JObject args, StageContext context);
}
