using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.ServiceNow.Http;

namespace OrderStatusFlow.ServiceNow.Auth;

/// <summary>
/// OAuth 2 via <c>/oauth_token.do</c>: password grant when user and password are set, else client_credentials. The
/// token is cached and renewed <see cref="ServiceNowOptions.TokenRefreshMargin"/> before it expires (on the injected
/// clock), first with the refresh token, falling back to the primary grant.
/// </summary>
sealed class OAuthAuthenticator(ServiceNowOptions options, HttpClient http, Uri baseUrl, TimeProvider time) : IAuthenticator
{
    readonly SemaphoreSlim _gate = new(1, 1);
    string? _accessToken;
    string? _refreshToken;
    DateTimeOffset _expiresAt;

    public bool CanRefresh => true;

    bool PasswordGrant => !string.IsNullOrWhiteSpace(options.User) && !string.IsNullOrEmpty(options.Password);

    public async Task<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_accessToken is null || time.GetUtcNow() >= _expiresAt - options.TokenRefreshMargin)
                await RenewAsync(cancellationToken);
            return new AuthenticationHeaderValue("Bearer", _accessToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string? rejected) => Interlocked.CompareExchange(ref _accessToken, null, rejected);

    public string DescribeRejection() =>
        $"ServiceNow refused a fresh OAuth token of client '{options.ClientId}' (401 User Not Authenticated): the OAuth " +
        "application user (or the integration user) is inactive, locked out or lacks web service access";

    async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (_refreshToken is not null)
        {
            try
            {
                await RequestAsync(Form(("grant_type", "refresh_token"), ("refresh_token", _refreshToken)), cancellationToken);
                return;
            }
            catch (SyncException e) when (e.Kind == FailureKind.Configuration)
            {
                _refreshToken = null; // expired or revoked: fall back to the primary grant
            }
        }
        var form = PasswordGrant
            ? Form(("grant_type", "password"), ("username", options.User!), ("password", options.Password!))
            : Form(("grant_type", "client_credentials"));
        await RequestAsync(form, cancellationToken);
    }

    List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
    [
        .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
        new("client_id", options.ClientId ?? ""),
        new("client_secret", options.ClientSecret ?? ""),
    ];

    async Task RequestAsync(List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var grant = form[0].Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "oauth_token.do")) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            response = await http.SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SyncException(FailureKind.Transient,
                $"ServiceNow OAuth endpoint {baseUrl}oauth_token.do did not answer ({e.GetType().Name}): check OSF_SERVICENOW_URL and the network");
        }
        using (response)
        {
            if (ResponseReader.LooksLikeHtml(response, body))
                throw ResponseReader.HtmlFailure("POST", "/oauth_token.do", body, baseUrl);
            JObject? json = null;
            try
            {
                json = JObject.Parse(body);
            }
            catch (JsonException)
            {
            }
            if (response.IsSuccessStatusCode && json?.Value<string>("access_token") is { Length: > 0 } token)
            {
                _accessToken = token;
                _refreshToken = json.Value<string>("refresh_token") ?? _refreshToken;
                var lifetime = json.Value<int?>("expires_in") ?? 1799;
                _expiresAt = time.GetUtcNow().AddSeconds(lifetime);
                return;
            }
            throw Describe((int)response.StatusCode, json, grant);
        }
    }

    SyncException Describe(int status, JObject? json, string grant)
    {
        var error = json?.Value<string>("error") ?? "";
        var description = json?.Value<string>("error_description") ?? "";
        var where = $"ServiceNow OAuth ({grant} grant, client '{options.ClientId}') answered {status} {error}";
        var message = error switch
        {
            "invalid_client" => $"{where}: the client id or secret is wrong. Check OSF_SERVICENOW_CLIENT_ID and OSF_SERVICENOW_CLIENT_SECRET " +
                                "against System OAuth > Application Registry on the instance",
            "invalid_grant" when grant == "client_credentials" =>
                $"{where} ({description}): client_credentials needs system property glide.oauth.inbound.client.credential.grant_type.enabled=true " +
                "and an OAuth Application User on the registry entry; or set OSF_SERVICENOW_USER and OSF_SERVICENOW_PASSWORD to use the password grant",
            "invalid_grant" => $"{where} ({description}): the grant was refused. Check OSF_SERVICENOW_USER and OSF_SERVICENOW_PASSWORD",
            "unsupported_grant_type" => $"{where}: the instance does not accept the {grant} grant. " +
                                        (grant == "client_credentials"
                                            ? "Enable it (glide.oauth.inbound.client.credential.grant_type.enabled) or set user and password for the password grant"
                                            : "Check the OAuth registry entry"),
            "server_error" or "access_denied" => $"{where} ({description}): the user credentials were refused. Check OSF_SERVICENOW_USER and " +
                                                 "OSF_SERVICENOW_PASSWORD, and that the user is active and not locked out",
            _ => $"{where} {description}".TrimEnd() + ": check the OAuth settings (OSF_SERVICENOW_CLIENT_ID, OSF_SERVICENOW_CLIENT_SECRET)",
        };
        var kind = status >= 500 && error is not ("server_error" or "access_denied") ? FailureKind.Transient : FailureKind.Configuration;
        return new SyncException(kind, message);
    }
}
