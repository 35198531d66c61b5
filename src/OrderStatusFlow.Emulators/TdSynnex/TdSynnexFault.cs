namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>A scripted fault: applies to the first <see cref="Calls"/> matching requests (0 = every one).</summary>
public sealed class TdSynnexFault
{
    /// <summary>The PO it applies to; null or "*" for every PO.</summary>
    public string? PoNumber { get; set; }

    /// <summary><c>status</c>, <c>invoice</c> or <c>any</c> (default status).</summary>
    public string Endpoint { get; set; } = "status";

    public TdSynnexFaultKind Kind { get; set; }

    public int Calls { get; set; } = 1;

    public string? Message { get; set; }
    public string? Detail { get; set; }
    public int DelayMs { get; set; }
    public int? StatusCode { get; set; }
    public string? Body { get; set; }
    public string? ContentType { get; set; }

    /// <summary>For <see cref="TdSynnexFaultKind.OtherPo"/>: whose answer is sent.</summary>
    public string? OtherPoNumber { get; set; }

    /// <summary>For <see cref="TdSynnexFaultKind.WrongCustomer"/>: the account the answer names.</summary>
    public string? Customer { get; set; }

    /// <summary>For <see cref="TdSynnexFaultKind.Oversize"/>: the body size in bytes.</summary>
    public int SizeBytes { get; set; } = 8 * 1024 * 1024;

    internal bool Matches(string endpoint, string poNumber) =>
        (Endpoint.Equals("any", StringComparison.OrdinalIgnoreCase) || Endpoint.Equals(endpoint, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(PoNumber) || PoNumber == "*" || PoNumber.Equals(poNumber, StringComparison.OrdinalIgnoreCase));
}
