using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>One measured cycle: the connector's own counts, the requests the emulators saw, and the memory high-water mark.</summary>
sealed record BenchCycle
{
    public required TimeSpan Duration { get; init; }
    public required int Seen { get; init; }
    public required int Updated { get; init; }
    public required int Unchanged { get; init; }
    public required int Skipped { get; init; }
    public required int Failed { get; init; }

    /// <summary>Records (PO or line) the connector wrote.</summary>
    public required int Writes { get; init; }

    public required TimeSpan RulesTime { get; init; }

    /// <summary>Time in the status provider summed over POs (concurrent calls overlap).</summary>
    public required TimeSpan StatusTime { get; init; }

    /// <summary>Time in the record writer summed over batches.</summary>
    public required TimeSpan WriteTime { get; init; }
    public required EmulatorCounters Requests { get; init; }

    /// <summary>Peak working set of the bench (connector) process so far (VmHWM).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    public required long ManagedHeapBytes { get; init; }

    public string? Error { get; init; }

    /// <summary>When the cycle's requests started and ended (<see cref="HttpTimeline"/>).</summary>
    public CycleTimeline? Timeline { get; init; }

    /// <summary>TD SYNNEX status requests per PO the cycle saw.</summary>
    public double StatusPerPo => Per(Requests.TdsStatus, Seen);

    public double InvoicePerPo => Per(Requests.TdsInvoice, Seen);

    /// <summary>Every ServiceNow HTTP request (table reads, batch requests, any token request) per updated PO.</summary>
    public double SnRequestsPerUpdatedPo => Per(Requests.SnRequests, Updated);

    public double RulesMicrosPerPo => Seen == 0 ? 0 : RulesTime.TotalMicroseconds / Seen;

    public static BenchCycle From(CycleResult result, EmulatorCounters requests, long peakWorkingSet) => new()
    {
        Duration = result.FinishedAt - result.StartedAt,
        Seen = result.Counts.Seen,
        Updated = result.Counts.Updated,
        Unchanged = result.Counts.Unchanged,
        Skipped = result.Counts.Skipped,
        Failed = result.Counts.Failed,
        Writes = result.Counts.Writes,
        RulesTime = result.Counts.RulesTime,
        StatusTime = result.Counts.StatusTime,
        WriteTime = result.Counts.WriteTime,
        Requests = requests,
        PeakWorkingSetBytes = peakWorkingSet,
        ManagedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
        Error = result.Error ?? (result.Counts.Failures.Count > 0 ? $"first failure: {result.Counts.Failures[0]}" : null),
    };

    static double Per(long count, int of) => of == 0 ? 0 : (double)count / of;
}
