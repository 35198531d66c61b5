namespace OrderStatusFlow.TdSynnex;

/// <summary>
/// <c>connections.tdsynnex</c>: the two TD SYNNEX hosts and the account. Each key may be overridden by its
/// environment variable (<see cref="TdSynnexConnection.Variables"/>).
/// </summary>
public sealed class TdSynnexConnectionOptions
{
    /// <summary>Base URL of the XML host (PO Status).</summary>
    public string Url { get; set; } = "";

    /// <summary>Base URL of the web-service host (invoice query).</summary>
    public string InvoiceUrl { get; set; } = "";

    /// <summary>ecExpress login.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>TD SYNNEX customer (account) number.</summary>
    public string Customer { get; set; } = "";

    /// <summary>What is missing to actually connect (not checked by <c>lint</c>): key and message.</summary>
    public IEnumerable<(string Key, string Message)> MissingValues()
    {
        foreach (var (key, value) in new[] { ("url", Url), ("invoiceUrl", InvoiceUrl) })
        {
            var variable = TdSynnexConnection.Variables[key];
            if (string.IsNullOrWhiteSpace(value))
                yield return (key, $"is empty: set {variable}");
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return (key, $"'{value}' is not an absolute http(s) URL: set {variable}, e.g. https://ec.us.tdsynnex.com");
            else if (uri.UserInfo.Length > 0)
                yield return (key, "must not contain credentials: put them in OSF_TDSYNNEX_USER and OSF_TDSYNNEX_PASSWORD");
        }
        if (string.IsNullOrWhiteSpace(User))
            yield return ("user", "is empty: set OSF_TDSYNNEX_USER to the ecExpress login");
        if (string.IsNullOrWhiteSpace(Password))
            yield return ("password", "is empty: set OSF_TDSYNNEX_PASSWORD");
        if (string.IsNullOrWhiteSpace(Customer))
            yield return ("customer", "is empty: set OSF_TDSYNNEX_CUSTOMER to the TD SYNNEX account number");
    }
}
