namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>One invoice of a PO, returned by the invoice query once the clock reaches <see cref="AvailableAt"/>.</summary>
public sealed class TdSynnexInvoice
{
    public string Number { get; set; } = "";
    public string Date { get; set; } = "";
    public double AvailableAt { get; set; }

    /// <summary>The sales order invoiced, sent as <c>InternalReferenceNumber</c>.</summary>
    public string? SalesOrderNumber { get; set; }
    public List<string> TrackingNumbers { get; set; } = [];

    /// <summary>True: one comma-separated <c>TrackNumber</c> (web service); false: repeated elements (SFTP variant).</summary>
    public bool CommaSeparatedTracking { get; set; } = true;

    /// <summary>Serials, sent with the <c>SN: </c> prefix.</summary>
    public List<string> SerialNumbers { get; set; } = [];
    public string LineNumber { get; set; } = "1";
    public int Quantity { get; set; }
    public string? MfgPN { get; set; }

    /// <summary>Amount as text, may carry thousands separators, e.g. <c>1,234.50</c>.</summary>
    public string Total { get; set; } = "0.00";
    public string Freight { get; set; } = "0.00";
}
