using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary><c>/oauth_token.do</c> and the check of the <c>Authorization</c> header of every API call.</summary>
sealed class OAuthServer(InstanceState state)
{
    readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);

    public SnResponse Token(string? contentType, IReadOnlyDictionary<string, string> form)
    {
        state.Stats.Add(ServiceNowEmulatorStats.OAuth);
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return Fail(400, "invalid_request", "The request must be application/x-www-form-urlencoded");
        var client = state.Scenario.OAuth;
        var grant = form.GetValueOrDefault("grant_type", "");
        if (grant is not ("password" or "client_credentials" or "refresh_token") || (client is not null && !client.Grants.Contains(grant)))
            return SnResponse.Json(400, new JObject { ["error"] = "unsupported_grant_type" });
        if (client is null || form.GetValueOrDefault("client_id") != client.ClientId || form.GetValueOrDefault("client_secret") != client.ClientSecret)
            return Fail(401, "invalid_client", "Invalid client_id or client_secret.");
        switch (grant)
        {
            case "password" when form.GetValueOrDefault("username") != state.Scenario.User || form.GetValueOrDefault("password") != state.Scenario.Password:
                return SnResponse.Json(401, new JObject { ["error_description"] = "access_denied", ["error"] = "server_error" });
            case "client_credentials" when !client.ClientCredentialsEnabled:
                return Fail(401, "invalid_grant", "access_denied: no OAuth application user set");
            case "refresh_token" when !_refreshTokens.ContainsKey(form.GetValueOrDefault("refresh_token", "")):
                return Fail(401, "invalid_grant", "The refresh token is invalid or expired.");
        }
        var access = NewToken();
        var refresh = NewToken();
        _accessTokens[access] = state.Clock.Now.AddSeconds(client.ExpiresIn);
        _refreshTokens[refresh] = true;
        return SnResponse.Json(200, new JObject
        {
            ["access_token"] = access, ["refresh_token"] = refresh, ["scope"] = "useraccount",
            ["token_type"] = "Bearer", ["expires_in"] = client.ExpiresIn,
        });
    }

    /// <summary>True when the header carries the scenario user's Basic credentials or a live access token.</summary>
    public bool IsAuthenticated(string? authorization)
    {
        if (authorization is null)
            return false;
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return _accessTokens.TryGetValue(authorization[7..].Trim(), out var expires) && state.Clock.Now < expires;
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
            return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            return pair == state.Scenario.User + ":" + state.Scenario.Password;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    static SnResponse Fail(int status, string error, string description) =>
        SnResponse.Json(status, new JObject { ["error"] = error, ["error_description"] = description });

    static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
