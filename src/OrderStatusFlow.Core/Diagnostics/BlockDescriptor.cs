using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>One block of the graph. Capacity counts items (batches for the write block); 0 means unbounded.</summary>
public sealed record BlockDescriptor(
    string Name, string Type, StageRole? Role, string Description, int Parallelism, int BoundedCapacity, int? BatchSize, TimeSpan? FlushAfter)
{
    public override string ToString()
    {
        var batch = BatchSize is null ? "" : $", batch {BatchSize} or {FlushAfter:hh\\:mm\\:ss\\.fff}";
        var what = Description.Length > 0 ? $" - {Description}" : "";
        return $"{Name} [{Type}] parallelism {Parallelism}, capacity {(BoundedCapacity == 0 ? "unbounded" : BoundedCapacity.ToString())}{batch}{what}";
    }
}
