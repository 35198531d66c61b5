using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Integration.Tests.EndToEnd.Faults;

/// <summary>
/// One fault: how the remote systems, the pipeline file or the environment misbehave, and what the run must show.
/// The data set is <see cref="FaultRun.Orders"/> POs <c>BN0000001…</c> that all need a write on their first cycle.
/// </summary>
sealed class FaultCase
{
    public required string Name { get; init; }

    /// <summary>
    /// Cases of one group share one <c>osf</c> run (their faults touch different POs), so the suite starts few
    /// processes; each case still asserts its own PO. Group-level settings (pipeline, environment, command, exit
    /// code) must agree within a group.
    /// </summary>
    public required string Group { get; init; }

    /// <summary>POs in the data set of the group (all cases of a group must agree).</summary>
    public int Orders { get; init; } = FaultRun.Orders;

    public Action<ServiceNowScenario> ServiceNow { get; init; } = _ => { };

    public Action<TdSynnexScenario> TdSynnex { get; init; } = _ => { };

    public Action<JObject> Pipeline { get; init; } = _ => { };

    /// <summary>Variables for the process; <c>{sn}</c> and <c>{tds}</c> are replaced by the emulators' base URLs (without the trailing slash).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The command after <c>osf</c>; default <c>run --once</c>.</summary>
    public string[] Command { get; init; } = ["run", "--once"];

    public int ExpectedExit { get; init; } = 3;

    /// <summary>PO (number, or sys_id when it has none) → a text its failure reason must contain.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; init; } = new Dictionary<string, string>();

    /// <summary>True (default) when every PO no case of the group expects to fail must be updated.</summary>
    public bool OthersUpdated { get; init; } = true;

    /// <summary>False when the cycle must not run at all (configuration refused): no events, no writes.</summary>
    public bool CycleRuns { get; init; } = true;

    /// <summary>Text stdout + stderr must contain.</summary>
    public string? OutputContains { get; init; }

    /// <summary>Extra checks after the common ones.</summary>
    public Action<FaultRun> Then { get; init; } = _ => { };

    public override string ToString() => $"{Group}: {Name}";
}
