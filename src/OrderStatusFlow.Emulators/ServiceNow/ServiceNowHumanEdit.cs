namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// A person editing a record while the connector works: right after the first list read of <see cref="Table"/>
/// answers, <see cref="Text"/> is appended as a new line to <see cref="Field"/> of record <see cref="SysId"/> (not a
/// committed write of the connector: it is not in the journal).
/// </summary>
public sealed class ServiceNowHumanEdit
{
    public string Table { get; set; } = "proc_po";
    public string SysId { get; set; } = "";
    public string Field { get; set; } = "u_vendor_notes";
    public string Text { get; set; } = "";
}
