using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.TdSynnex;

/// <summary>
/// How to reach TD SYNNEX. Bound by the <c>tdsynnex.status</c> stage factory from <c>connections.tdsynnex</c> plus the
/// stage <c>args</c>. Credentials are never part of <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class TdSynnexOptions
{
    /// <summary>Base URL of the XML host (<c>OSF_TDSYNNEX_URL</c>); the client posts to <c>{Url}/SynnexXML/POStatus</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>Base URL of the web-service host (<c>OSF_TDSYNNEX_INVOICE_URL</c>); posts to <c>{InvoiceUrl}/webservice/invoice/query</c>.</summary>
    public string InvoiceUrl { get; set; } = "";

    /// <summary>ecExpress login (<c>OSF_TDSYNNEX_USER</c>).</summary>
    public string User { get; set; } = "";

    /// <summary>ecExpress password (<c>OSF_TDSYNNEX_PASSWORD</c>).</summary>
    public string Password { get; set; } = "";

    /// <summary>TD SYNNEX customer (account) number (<c>OSF_TDSYNNEX_CUSTOMER</c>).</summary>
    public string Customer { get; set; } = "";

    /// <summary>Time allowed for one HTTP attempt. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request, the first included, for transient failures. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off (with jitter) between attempts. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest answer read, in bytes; a larger one fails the PO as a data error. Default 4 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Upper bound of requests per second over both endpoints; 0 (default) means no limit.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>
    /// How often the invoice query is asked for a PO whose shipped sales orders wait for invoices that PO Status does
    /// not show <c>invoiced</c> yet (counted from the ship date, then from the last answer); a sales order shown
    /// <c>invoiced</c> is fetched at once whatever this says. Zero asks at every check. Default 1 day.
    /// </summary>
    public TimeSpan InvoiceFallback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The ServiceNow field names the interpretation reads.</summary>
    public TdSynnexFieldNames Fields { get; set; } = new();

    internal Uri StatusUri => new(Url.TrimEnd('/') + "/SynnexXML/POStatus");

    internal Uri InvoiceUri => new(InvoiceUrl.TrimEnd('/') + "/webservice/invoice/query");

    /// <summary>Every problem with these options, each saying how to fix it; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckUrl(problems, Url, "url", "OSF_TDSYNNEX_URL");
        CheckUrl(problems, InvoiceUrl, "invoiceUrl", "OSF_TDSYNNEX_INVOICE_URL");
        if (string.IsNullOrWhiteSpace(User))
            problems.Add("user is empty: set OSF_TDSYNNEX_USER to the ecExpress login");
        if (string.IsNullOrWhiteSpace(Password))
            problems.Add("password is empty: set OSF_TDSYNNEX_PASSWORD");
        if (string.IsNullOrWhiteSpace(Customer))
            problems.Add("customer is empty: set OSF_TDSYNNEX_CUSTOMER to the TD SYNNEX account number");
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
            problems.Add($"requestTimeout {RequestTimeout} must be between 0 and 10 minutes (default 00:00:30)");
        if (MaxAttempts is < 1 or > 20)
            problems.Add($"maxAttempts {MaxAttempts} must be between 1 and 20 (default 4)");
        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(5))
            problems.Add($"baseDelay {BaseDelay} must be between 0 and 5 minutes (default 00:00:01)");
        if (RequestsPerSecond < 0 || double.IsNaN(RequestsPerSecond))
            problems.Add($"requestsPerSecond {RequestsPerSecond} must be 0 (no limit) or positive");
        if (InvoiceFallback < TimeSpan.Zero || InvoiceFallback > TimeSpan.FromDays(30))
            problems.Add($"invoiceFallback {InvoiceFallback} must be between 00:00:00 (every check) and 30.00:00:00 (default 1.00:00:00)");
        if (MaxResponseBytes < 1024)
            problems.Add($"maxResponseBytes {MaxResponseBytes} must be at least 1024 (default 4194304)");
        problems.AddRange(Fields.Validate());
        return problems;
    }

    public override string ToString() =>
        $"TD SYNNEX {UrlText.Safe(Url)} (invoices {UrlText.Safe(InvoiceUrl)}), customer {Customer}, timeout {RequestTimeout}, attempts {MaxAttempts}";

    static void CheckUrl(List<string> problems, string value, string name, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems.Add($"{name} is empty: set {variable}");
        else if (UrlText.HasCredentials(value))
            problems.Add($"{name} must not contain a user name or password (user:password@host): put them in OSF_TDSYNNEX_USER and OSF_TDSYNNEX_PASSWORD and set {variable} to the bare host URL");
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            problems.Add($"{name} '{value}' is not an absolute http(s) URL: set {variable}, e.g. https://ec.us.tdsynnex.com");
    }
}
