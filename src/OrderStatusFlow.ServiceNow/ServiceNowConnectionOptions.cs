using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.ServiceNow;

/// <summary>
/// <c>connections.servicenow</c>: where the instance is and how to log in, shared by the ServiceNow stages. Each key
/// may be overridden by its environment variable (<see cref="ServiceNowConnection.Variables"/>).
/// </summary>
public sealed class ServiceNowConnectionOptions : IValidatableObject
{
    /// <summary>Instance base URL, e.g. <c>https://acme.service-now.com</c>. Required to run.</summary>
    public string Url { get; set; } = "";

    /// <summary>Integration user: Basic auth, or the OAuth password grant when a client id is set.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>OAuth client id; when set, OAuth via <c>/oauth_token.do</c> is used instead of Basic.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Time allowed for one HTTP attempt. Default 00:01:00.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per request (and per batch item) before giving up. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First back-off delay; doubles per attempt, with jitter. Default 00:00:01.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off delay, and the longest <c>Retry-After</c> honoured. Default 00:02:00.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
            yield return new("must be between 00:00:00.001 and 00:10:00 (default 00:01:00)", [nameof(RequestTimeout)]);
        if (RetryBaseDelay < TimeSpan.Zero)
            yield return new("must not be negative (default 00:00:01)", [nameof(RetryBaseDelay)]);
        if (RetryMaxDelay < RetryBaseDelay)
            yield return new($"must be at least retryBaseDelay ({RetryBaseDelay:c}) (default 00:02:00)", [nameof(RetryMaxDelay)]);
    }

    /// <summary>What is missing to actually connect (not checked by <c>lint</c>): key and message.</summary>
    public IEnumerable<(string Key, string Message)> MissingValues()
    {
        if (string.IsNullOrWhiteSpace(Url))
            yield return ("url", "is empty: set OSF_SERVICENOW_URL (e.g. https://acme.service-now.com)");
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return ("url", $"'{Url}' is not an absolute http(s) URL: set OSF_SERVICENOW_URL to the instance URL, e.g. https://acme.service-now.com");
        var hasUser = !string.IsNullOrWhiteSpace(User);
        var hasPassword = Password.Length > 0;
        if (ClientId.Trim().Length > 0)
        {
            if (ClientSecret.Length == 0)
                yield return ("clientSecret", "is empty while a client id is set: set OSF_SERVICENOW_CLIENT_SECRET");
            if (hasUser != hasPassword)
                yield return (hasUser ? "password" : "user", "the OAuth password grant needs both user and password: set OSF_SERVICENOW_USER and OSF_SERVICENOW_PASSWORD, or neither for client_credentials");
        }
        else
        {
            if (!hasUser)
                yield return ("user", "is empty: set OSF_SERVICENOW_USER (or OSF_SERVICENOW_CLIENT_ID for OAuth)");
            if (!hasPassword)
                yield return ("password", "is empty: set OSF_SERVICENOW_PASSWORD");
        }
    }
}
