using OrderStatusFlow.Core.Diagnostics;
namespace OrderStatusFlow.ServiceNow;

/// <summary>
/// How to reach and read a ServiceNow instance. The stage factories bind this from <c>connections.servicenow</c>,
/// the <c>servicenow.open-orders</c> stage's <c>args</c>; environment variables override the file.
/// </summary>
public sealed class ServiceNowOptions
{
    /// <summary>Instance base URL, e.g. <c>https://acme.service-now.com</c> (<c>OSF_SERVICENOW_URL</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>Integration user: Basic auth, or the OAuth password grant when a client id is set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>OAuth client id; when set, OAuth via <c>/oauth_token.do</c> is used instead of Basic.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The PO table. Default <c>proc_po</c>.</summary>
    public string Table { get; set; } = "proc_po";

    /// <summary>The PO line table. Default <c>proc_po_item</c>.</summary>
    public string LineTable { get; set; } = "proc_po_item";

    /// <summary>The line field referencing the PO. Default <c>purchase_order</c>.</summary>
    public string LineParentField { get; set; } = "purchase_order";

    /// <summary>Encoded query selecting the open connector POs.</summary>
    public string Query { get; set; } =
        "u_tds_cpo_idISNOTEMPTY^statusNOT INreceived,canceled^u_tds_order_statusNOT INTDS Invoiced,TDS Cancelled";

    /// <summary>Records per Table API page (also per line page). Default 200.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>
    /// How the source pages through POs: <c>keyset</c> (default: <c>sys_id&gt;last^ORDERBYsys_id</c> per page, stable
    /// when POs leave the query mid-cycle because the connector just wrote a terminal status) or <c>link</c> (follow the
    /// <c>Link</c> header's offsets, which skips records when the result set shrinks between pages). Lines always
    /// follow the <c>Link</c> header.
    /// </summary>
    public string SourcePaging { get; set; } = "keyset";

    /// <summary>PO sys_ids per bulk line query (<c>purchase_orderIN…</c>), keeping URLs short. Default 100.</summary>
    public int LineQueryChunkSize { get; set; } = 100;

    /// <summary>PO fields read (default: the source stage's default fields).</summary>
    public List<string> PoFields { get; set; } = [.. OpenOrders.OpenOrdersOptions.DefaultFields];

    /// <summary>Line fields read (default: the source stage's default line fields).</summary>
    public List<string> LineFields { get; set; } = [.. OpenOrders.OpenOrdersOptions.DefaultLineFields];

    /// <summary>The line field holding the distributor's line number. Default <c>u_tds_line_number</c>.</summary>
    public string LineNumberField { get; set; } = "u_tds_line_number";

    /// <summary>Timeout of one HTTP attempt. Default 60 s (the instance's own REST quota).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per request (and per batch item) before giving up. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First back-off delay; doubles per attempt, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off delay, and the longest <c>Retry-After</c> honoured. Default 2 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Items per Batch API request; larger calls are split. Default 100.</summary>
    public int MaxBatchItems { get; set; } = 100;

    /// <summary>Largest response read, in bytes; a larger one is a data error. Default 64 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>An OAuth token is renewed this long before it expires. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Every problem, each saying how to fix it; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Url))
            problems.Add("url is empty: set OSF_SERVICENOW_URL (e.g. https://acme.service-now.com)");
        else if (UrlText.HasCredentials(Url))
            problems.Add("url must not contain a user name or password (user:password@host): put them in OSF_SERVICENOW_USER and OSF_SERVICENOW_PASSWORD and set OSF_SERVICENOW_URL to the bare instance URL");
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problems.Add($"url '{UrlText.Safe(Url)}' is not an absolute http(s) URL: set OSF_SERVICENOW_URL to the instance URL, e.g. https://acme.service-now.com");
        var hasUser = !string.IsNullOrWhiteSpace(User);
        var hasPassword = !string.IsNullOrEmpty(Password);
        if (UsesOAuth)
        {
            if (string.IsNullOrEmpty(ClientSecret))
                problems.Add("client secret is empty while a client id is set: set OSF_SERVICENOW_CLIENT_SECRET");
            if (hasUser != hasPassword)
                problems.Add("OAuth password grant needs both user and password: set OSF_SERVICENOW_USER and OSF_SERVICENOW_PASSWORD, or neither for client_credentials");
        }
        else
        {
            if (!hasUser)
                problems.Add("user is empty: set OSF_SERVICENOW_USER (or OSF_SERVICENOW_CLIENT_ID for OAuth)");
            if (!hasPassword)
                problems.Add("password is empty: set OSF_SERVICENOW_PASSWORD");
        }
        if (string.IsNullOrWhiteSpace(Table))
            problems.Add("source table is empty: set the servicenow.open-orders stage's args.table (default proc_po)");
        if (string.IsNullOrWhiteSpace(LineTable))
            problems.Add("source line table is empty: set args.lineTable (default proc_po_item)");
        if (PageSize is < 1 or > 10000)
            problems.Add($"page size {PageSize} must be between 1 and 10000: set args.pageSize (default 200)");
        if (SourcePaging is not ("keyset" or "link"))
            problems.Add($"source paging '{SourcePaging}' is unknown: use keyset (default) or link");
        if (LineQueryChunkSize < 1)
            problems.Add("line query chunk size must be at least 1 (default 100)");
        if (MaxAttempts < 1)
            problems.Add("max attempts must be at least 1 (default 5)");
        if (MaxBatchItems < 1)
            problems.Add("max batch items must be at least 1 (default 100)");
        if (RequestTimeout <= TimeSpan.Zero)
            problems.Add("request timeout must be positive (default 00:01:00)");
        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
            problems.Add("retry delays must be non-negative with the maximum at least the base (defaults 1 s and 2 min)");
        foreach (var required in new[] { "sys_id", "number" })
            if (!PoFields.Contains(required))
                problems.Add($"PO fields must include '{required}'");
        foreach (var required in new[] { "sys_id", LineParentField })
            if (!LineFields.Contains(required))
                problems.Add($"line fields must include '{required}'");
        return problems;
    }

    /// <summary>Secrets are never part of this text.</summary>
    public override string ToString() =>
        $"ServiceNow {UrlText.Safe(Url)} as {(UsesOAuth ? $"OAuth client {ClientId}" + (string.IsNullOrWhiteSpace(User) ? " (client_credentials)" : $" / user {User}") : $"user {User}")}, " +
        $"{Table}/{LineTable}, page {PageSize}, {MaxAttempts} attempts, timeout {RequestTimeout}";
}
