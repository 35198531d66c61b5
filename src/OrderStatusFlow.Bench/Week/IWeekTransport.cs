using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// How the connector reaches ServiceNow and TD SYNNEX in one simulated week: in process through the seams
/// (<see cref="InProcessTransport"/>) or over loopback HTTP to the emulators (<see cref="Http.HttpTransport"/>). Either
/// way the world's counters (<see cref="SimulatedWorld"/>) end up holding the calls and requests made.
/// </summary>
internal interface IWeekTransport : IAsyncDisposable
{
    /// <summary><c>in-process</c> or <c>http</c>, as printed.</summary>
    string Name { get; }

    /// <summary>The definition the runner runs (its stage types and settings).</summary>
    PipelineDefinition Definition { get; }

    PipelineSeams Seams { get; }

    /// <summary>The activity log: what it records tells the world which answers ServiceNow holds.</summary>
    WorldLog Log { get; }

    /// <summary>
    /// The connector restarts: what its stages hold in memory is gone. Over HTTP the stages (and their clients) are
    /// built anew from the pipeline file; in process the world's stand-ins keep nothing of their own.
    /// </summary>
    Task RestartAsync();

    /// <summary>Before the cycle at <paramref name="at"/> (the clock already there): POs raised since the last cycle appear in ServiceNow.</summary>
    Task BeforeCycleAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>After the cycle at <paramref name="at"/>: requests counted elsewhere are handed to the world.</summary>
    Task AfterCycleAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
