using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.TdSynnex.Status;

/// <summary>The <c>args</c> of <c>tdsynnex.status</c>.</summary>
public sealed class StatusOptions : IValidatableObject
{
    /// <summary>Upper bound of requests per second to TD SYNNEX; 0 (default) means no limit beyond the stage's parallelism.</summary>
    [Range(0, 10000)]
    public double RequestsPerSecond { get; set; }

    /// <summary>Time allowed for one HTTP attempt. Default 00:00:30.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request for transient failures. Default 4.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off with jitter. Default 00:00:01.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the invoice query is asked for a PO whose shipped sales orders wait for invoices that PO Status does
    /// not show <c>invoiced</c> yet; an <c>invoiced</c> sales order is fetched at once. Zero: at every check.
    /// Default 1.00:00:00.
    /// </summary>
    public TimeSpan InvoiceFallback { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
            yield return new("must be between 00:00:00.001 and 00:10:00 (default 00:00:30)", [nameof(RequestTimeout)]);
        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(5))
            yield return new("must be between 00:00:00 and 00:05:00 (default 00:00:01)", [nameof(BaseDelay)]);
        if (InvoiceFallback < TimeSpan.Zero || InvoiceFallback > TimeSpan.FromDays(30))
            yield return new("must be between 00:00:00 (every check) and 30.00:00:00 (default 1.00:00:00)", [nameof(InvoiceFallback)]);
    }
}
