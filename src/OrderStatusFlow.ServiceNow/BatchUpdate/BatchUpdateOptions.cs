using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.ServiceNow.BatchUpdate;

/// <summary>The <c>args</c> of <c>servicenow.batch-update</c>. Tables come from the source stage's args.</summary>
public sealed class BatchUpdateOptions
{
    /// <summary>Records (PO or line PATCHes) per Batch API request; larger batches are split. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxItemsPerRequest { get; set; } = 100;
}
