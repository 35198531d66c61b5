using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>What one cycle did with one PO, for <see cref="Seams.ICheckSchedule.RecordAsync"/>.</summary>
public sealed record CheckRecord
{
    public required string PoSysId { get; init; }

    public string PoNumber { get; init; } = "";

    public required DateTimeOffset At { get; init; }

    /// <summary>True when TD SYNNEX was asked this cycle (false: re-evaluated from the stored answer).</summary>
    public bool Asked { get; init; }

    public required DateTimeOffset NextCheckAt { get; init; }

    public required string FieldsHash { get; init; }

    /// <summary>Digest of the PO's lines as ServiceNow now holds them (read, with the connector's writes laid over).</summary>
    public string LinesHash { get; init; } = "";

    public string? RulesVersion { get; init; }

    public int ConsecutiveFailures { get; init; }

    public PoState? State { get; init; }

    /// <summary>The fresh TD SYNNEX answer to keep; null keeps the one held.</summary>
    public OrderStatus? Answer { get; init; }
}
