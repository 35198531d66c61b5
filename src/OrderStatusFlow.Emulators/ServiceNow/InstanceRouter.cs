namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>What the instance does with one HTTP request: hibernation, faults, auth, rate limit, then the API.</summary>
sealed class InstanceRouter
{
    readonly InstanceState _state;
    readonly OAuthServer _oauth;
    readonly TableApi _tables;
    readonly BatchApi _batch;
    readonly RateLimiter? _rateLimiter;

    public InstanceRouter(InstanceState state)
    {
        _state = state;
        _oauth = new OAuthServer(state);
        _tables = new TableApi(state);
        _rateLimiter = state.Scenario.RateLimit is { } rule ? new RateLimiter(rule, state.Clock) : null;
        _batch = new BatchApi(state, _tables, _rateLimiter);
    }

    public async Task<SnResponse> HandleAsync(SnRequest request, string? authorization, string? contentType, Func<Task<IReadOnlyDictionary<string, string>>> readForm)
    {
        _state.Stats.Add(ServiceNowEmulatorStats.Requests);
        if (_state.Hibernating)
            return SnResponse.Hibernating();
        if (request.Path.Equals("/oauth_token.do", StringComparison.OrdinalIgnoreCase))
            return request.Method == "POST" ? _oauth.Token(contentType, await readForm()) : SnResponse.BadPath();
        if (_state.TakeUnavailableRequest())
            return SnResponse.Unavailable();
        if (_state.TakeEchoCredentials())
            return SnResponse.Error(500, "Internal error while handling " + request.Path, EchoedCredentials(authorization));
        if (!_oauth.IsAuthenticated(authorization))
        {
            _state.Stats.Add(ServiceNowEmulatorStats.Unauthorized);
            return SnResponse.Error(401, "User Not Authenticated", "Required to provide Auth information");
        }
        var rateHeaders = new Dictionary<string, string>();
        if (_rateLimiter?.Acquire(rateHeaders) is { } denied)
        {
            _state.Stats.Add(ServiceNowEmulatorStats.RateLimited);
            return denied;
        }
        var response = await RouteAsync(request);
        foreach (var (name, value) in rateHeaders)
            response.Headers[name] = value;
        return response;
    }

    async Task<SnResponse> RouteAsync(SnRequest request)
    {
        var path = request.Path.TrimEnd('/');
        if (path == "/api/now/v1/batch")
            return request.Method == "POST" ? await _batch.HandleAsync(request) : SnResponse.Error(405, "Method not Supported", "use POST");
        return TableRoute.TryMatch(path, out var table, out var sysId, out var v1)
            ? _tables.Handle(request, table, sysId, v1)
            : SnResponse.BadPath();
    }

    // What a badly configured gateway puts in an error page: the header, and user and password in several encodings.
    static string EchoedCredentials(string? authorization)
    {
        var decoded = "";
        if (authorization?.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            }
            catch (FormatException)
            {
            }
        }
        var password = decoded.Contains(':') ? decoded[(decoded.IndexOf(':') + 1)..] : "";
        return $"request rejected; Authorization: {authorization}; credentials {decoded}; password={Uri.EscapeDataString(password)}; " +
               $"xml <Password>{System.Security.SecurityElement.Escape(password)}</Password>; json {Newtonsoft.Json.JsonConvert.ToString(password)}";
    }
}
