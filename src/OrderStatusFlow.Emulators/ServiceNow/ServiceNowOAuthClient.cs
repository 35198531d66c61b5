namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>An OAuth API endpoint for external clients (System OAuth → Application Registry).</summary>
public sealed class ServiceNowOAuthClient
{
    public string ClientId { get; set; } = "osf-client";

    public string ClientSecret { get; set; } = "demo-secret";

    /// <summary>Access-token lifetime in seconds (the instance default is 1799).</summary>
    public int ExpiresIn { get; set; } = 1799;

    /// <summary>Whether the client_credentials grant works (needs the property and an OAuth Application User).</summary>
    public bool ClientCredentialsEnabled { get; set; } = true;

    /// <summary>Grant types the instance knows; others answer 400 <c>unsupported_grant_type</c>.</summary>
    [Newtonsoft.Json.JsonProperty(ObjectCreationHandling = Newtonsoft.Json.ObjectCreationHandling.Replace)]
    public List<string> Grants { get; set; } = ["password", "client_credentials", "refresh_token"];
}
