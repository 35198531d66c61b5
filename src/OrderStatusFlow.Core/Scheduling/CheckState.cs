using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>What the schedule holds for one PO between cycles.</summary>
public sealed record CheckState
{
    public required string PoSysId { get; init; }

    public string PoNumber { get; init; } = "";

    /// <summary>When TD SYNNEX is asked next; null: every cycle.</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary><see cref="FieldsHash"/> of the PO as last read (or as written back); a different value means it changed in ServiceNow.</summary>
    public string FieldsHash { get; init; } = "";

    /// <summary>
    /// <see cref="FieldsHash.OfLines"/> of the PO's lines as last read (or as written back); "" when not known. Compared
    /// only for POs whose lines ServiceNow reports as updated since the last search.
    /// </summary>
    public string LinesHash { get; init; } = "";

    /// <summary>The rule set that last evaluated the PO.</summary>
    public string? RulesVersion { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>The PO state of the last answer; orders the backlog by how likely a change is.</summary>
    public PoState? LastState { get; init; }

    /// <summary>True when a TD SYNNEX answer is stored for the PO.</summary>
    public bool HasAnswer { get; init; }
}
