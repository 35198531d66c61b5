using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>What one cycle recorded, by outcome. Updated by the single activity-log consumer only.</summary>
public sealed class CycleCounts
{
    public int Seen { get; private set; }
    public int Updated { get; private set; }
    public int WouldUpdate { get; private set; }
    public int Unchanged { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }

    /// <summary>Records (PO or line) written to the record system.</summary>
    public int Writes { get; private set; }

    internal void Add(OrderWorkItem item)
    {
        Seen++;
        switch (item.Outcome)
        {
            case SyncOutcome.Updated:
                Updated++;
                Writes += item.Update?.RecordCount ?? 0;
                break;
            case SyncOutcome.WouldUpdate: WouldUpdate++; break;
            case SyncOutcome.Unchanged: Unchanged++; break;
            case SyncOutcome.Skipped: Skipped++; break;
            default: Failed++; break;
        }
    }

    public override string ToString() =>
        $"seen {Seen}, updated {Updated}, would update {WouldUpdate}, unchanged {Unchanged}, skipped {Skipped}, failed {Failed}, writes {Writes}";
}
