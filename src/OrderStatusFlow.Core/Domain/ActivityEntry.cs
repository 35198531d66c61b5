namespace OrderStatusFlow.Core.Domain;

/// <summary>One <c>sync_events</c> row: what happened to one PO in one cycle.</summary>
public sealed record ActivityEntry
{
    public required long RunId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string PoNumber { get; init; }
    public required string PoSysId { get; init; }
    public required SyncOutcome Outcome { get; init; }

    /// <summary>Header <c>Code</c> from TD SYNNEX as received; null when TD SYNNEX was not reached.</summary>
    public string? TdsStatus { get; init; }

    public string? PreviousStatus { get; init; }
    public string? NewStatus { get; init; }

    /// <summary>The fields written (or to write, in a dry run), in the contract's JSON shape; null when none.</summary>
    public string? FieldsJson { get; init; }

    /// <summary>What went wrong and what to do about it; null when fine.</summary>
    public string? Error { get; init; }

    /// <summary>Extra context that is not an error (a skip reason, a notFound streak).</summary>
    public string? Detail { get; init; }

    public string? RulesVersion { get; init; }

    /// <summary>
    /// True: update the PO's <c>po_state</c> row only, without a <c>sync_events</c> row (an unchanged PO while the
    /// pipeline's <c>activityLog.recordUnchanged</c> is false). Default false.
    /// </summary>
    public bool StateOnly { get; init; }
}
