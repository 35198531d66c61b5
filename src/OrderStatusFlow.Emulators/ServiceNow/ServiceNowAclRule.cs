namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// An access rule that denies with 403. <see cref="Operation"/> is <c>read</c> or <c>write</c>. Without a field the
/// whole table is denied; with a field, a read hides the field (and a query on it is 403) and a write naming it is 403.
/// </summary>
public sealed class ServiceNowAclRule
{
    public string Table { get; set; } = "";

    public string? Field { get; set; }

    public string Operation { get; set; } = "write";
}
