using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// One entry of <c>stages</c>. The engine owns the stage-level keys (type, parallelism, boundedCapacity, batchSize,
/// flushAfter); the stage's factory owns <see cref="Args"/>.
/// </summary>
public sealed class StageDefinition
{
    public required int Index { get; init; }

    /// <summary>Lower-case dotted type id, e.g. <c>tdsynnex.status</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The role of the registered factory; null when the type is unknown.</summary>
    public StageRole? Role { get; init; }

    /// <summary>How many POs (status and rules stages) or batches (writer) the stage works on at once.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>How many POs may wait in front of the stage; a full stage holds back the stages before it.</summary>
    public int BoundedCapacity { get; init; } = 64;

    /// <summary>Writer only: the most updates sent in one batch.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Writer only: a batch is sent at the latest this long after its first update arrived.</summary>
    public TimeSpan FlushAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The factory's arguments (an empty object when absent). Tokens keep their line info.</summary>
    public JObject Args { get; init; } = new();

    /// <summary>The stage's JSON object, for locating problems.</summary>
    public JToken? Token { get; init; }

    /// <summary><c>stages[i] (type)</c>: the prefix of every problem about this stage.</summary>
    public string PathLabel => $"stages[{Index}] ({Type})";

    public override string ToString() => PathLabel;
}
