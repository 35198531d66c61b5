using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>What one cycle recorded, by outcome. Updated by the single activity-log consumer only.</summary>
public sealed class CycleCounts
{
    /// <summary>How many failures <see cref="Failures"/> keeps; all of them are in the activity log.</summary>
    public const int MaxFailures = 100;

    readonly List<CycleFailure> _failures = [];

    /// <summary>The first <see cref="MaxFailures"/> failed POs, for the command line to print.</summary>
    public IReadOnlyList<CycleFailure> Failures => _failures;

    public int Seen { get; private set; }
    public int Updated { get; private set; }
    public int WouldUpdate { get; private set; }
    public int Unchanged { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }

    /// <summary>Records (PO or line) written to the record system.</summary>
    public int Writes { get; private set; }

    /// <summary>Time spent in the status provider, summed over POs (concurrent calls overlap).</summary>
    public TimeSpan StatusTime { get; private set; }

    /// <summary>Time spent evaluating rules, summed over POs.</summary>
    public TimeSpan RulesTime { get; private set; }

    /// <summary>Time spent in the record writer, summed over batches.</summary>
    public TimeSpan WriteTime { get; private set; }

    internal void Add(OrderWorkItem item)
    {
        Seen++;
        ConnectorMetrics.PoOutcome((item.Outcome ?? SyncOutcome.Failed).ToText());
        StatusTime += item.StatusDuration;
        RulesTime += item.RulesDuration;
        WriteTime += item.WriteDuration;
        if (item.Outcome == SyncOutcome.Failed && _failures.Count < MaxFailures)
            _failures.Add(new CycleFailure(item.Po.Number, item.Po.SysId, item.Error ?? "failed"));
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
