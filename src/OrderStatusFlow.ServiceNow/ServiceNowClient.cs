using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Http;
using OrderStatusFlow.ServiceNow.Auth;
using OrderStatusFlow.ServiceNow.Http;
using Polly;
using Polly.Timeout;

namespace OrderStatusFlow.ServiceNow;

/// <summary>
/// The Table and Batch API of one instance over <see cref="HttpClient"/>: authentication (Basic or OAuth), bounded
/// retries with back-off, and failures as <see cref="SyncException"/> with the right <see cref="FailureKind"/>.
/// Thread-safe. <paramref name="timeProvider"/> drives OAuth token expiry; back-off waits use the system clock.
/// </summary>
public sealed class ServiceNowClient : IDisposable
{
    readonly HttpClient _http;
    readonly bool _ownsHttp;
    readonly IAuthenticator _auth;
    readonly ResiliencePipeline<SnHttpResult> _reads;
    readonly ResiliencePipeline<SnHttpResult> _writes;

    /// <param name="options">Validated here: invalid settings throw <see cref="SyncException"/> (Configuration) listing every problem.</param>
    /// <param name="httpClient">Optional; when given, its lifetime stays with the caller and its Timeout should be infinite
    /// (<see cref="ServiceNowOptions.RequestTimeout"/> applies per attempt).</param>
    /// <param name="timeProvider">Clock for OAuth token expiry; default the system clock.</param>
    public ServiceNowClient(ServiceNowOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new SyncException(FailureKind.Configuration, "ServiceNow settings are invalid: " + string.Join("; ", problems));
        Options = options;
        Redactor = new SecretRedactor([options.Password, options.ClientSecret], [(options.User, options.Password)]);
        KnownSecrets.Register(Redactor);
        BaseUrl = new Uri(options.Url.TrimEnd('/') + "/");
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _auth = options.UsesOAuth
            ? new OAuthAuthenticator(options, _http, BaseUrl, timeProvider ?? TimeProvider.System)
            : new BasicAuthenticator(options);
        _reads = RetryPipelines.Build(options, idempotent: true);
        _writes = RetryPipelines.Build(options, idempotent: false);
    }

    public ServiceNowOptions Options { get; }

    /// <summary>Removes this instance's credentials (every form) from text bound for messages.</summary>
    public SecretRedactor Redactor { get; }

    public Uri BaseUrl { get; }

    /// <summary>Pages of <paramref name="table"/> matching <paramref name="query"/>, following the <c>Link</c> header.</summary>
    public async IAsyncEnumerable<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadPagesAsync(
        string table, string query, IReadOnlyCollection<string> fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Options.PageSize;
        var offset = 0;
        string? next = ListUrl(table, query, fields, pageSize, offset);
        while (next is not null)
        {
            var result = await SendAsync(HttpMethod.Get, next, null, idempotent: true, cancellationToken);
            EnsureReadSuccess(result, table, fields);
            var records = ResponseReader.Records(result.Body, $"GET {table}");
            if (records.Count > 0)
                yield return records;
            var linkHeader = result.Header("Link");
            var link = LinkHeader.Find(linkHeader, "next");
            if (link is not null)
            {
                var linkOffset = LinkHeader.Offset(link) ?? offset + pageSize;
                if (linkOffset <= offset)
                    break; // a link that does not move forward would loop forever
                offset = linkOffset;
                next = link;
            }
            else if (linkHeader is null && records.Count >= pageSize)
                next = ListUrl(table, query, fields, pageSize, offset += pageSize);
            else
                next = null;
        }
    }

    /// <summary>One record with <paramref name="fields"/>, or null when it does not exist (or is hidden by an ACL).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetRecordAsync(
        string table, string sysId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        var url = $"api/now/table/{table}/{Uri.EscapeDataString(sysId)}?sysparm_fields={Escape(string.Join(",", fields))}&sysparm_exclude_reference_link=true";
        var result = await SendAsync(HttpMethod.Get, url, null, idempotent: true, cancellationToken);
        if (result.Status == 404)
            return null;
        EnsureReadSuccess(result, table, fields);
        return ResponseReader.Records(result.Body, $"GET {table}/{sysId}").FirstOrDefault();
    }

    /// <summary>The first <paramref name="limit"/> records of a query (one request).</summary>
    internal async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadFirstAsync(
        string table, string query, IReadOnlyCollection<string> fields, int limit, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, ListUrl(table, query, fields, limit, 0), null, idempotent: true, cancellationToken);
        EnsureReadSuccess(result, table, fields);
        return ResponseReader.Records(result.Body, $"GET {table}");
    }

    /// <summary>Gets a credential now (OAuth token or nothing for Basic): surfaces OAuth errors early.</summary>
    public Task AuthenticateAsync(CancellationToken cancellationToken) => _auth.GetHeaderAsync(cancellationToken);

    internal Task<SnHttpResult> PostBatchAsync(string json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/now/v1/batch", json, idempotent: false, cancellationToken);

    internal static string ListUrl(string table, string query, IEnumerable<string> fields, int limit, int offset) =>
        $"api/now/table/{table}?sysparm_query={Escape(query)}&sysparm_fields={Escape(string.Join(",", fields))}" +
        $"&sysparm_limit={limit}&sysparm_offset={offset}&sysparm_exclude_reference_link=true";

    static string Escape(string text) => Uri.EscapeDataString(text);

    /// <summary>
    /// Sends with retries; a 401 gets one fresh OAuth token, then is a Configuration failure; HTML answers are reported
    /// as such. Reads throw Transient when no answer came after retries; writes return it (Status 0) for the caller.
    /// </summary>
    internal async Task<SnHttpResult> SendAsync(HttpMethod method, string pathAndQuery, string? json, bool idempotent, CancellationToken cancellationToken)
    {
        var path = "/" + pathAndQuery.TrimStart('/').Split('?')[0];
        for (var refreshed = false; ; refreshed = true)
        {
            SnHttpResult result;
            try
            {
                result = await (idempotent ? _reads : _writes).ExecuteAsync(
                    async ct => await SendOnceAsync(method, pathAndQuery, json, ct), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
            {
                var what = e is TimeoutRejectedException ? $"did not answer within {Options.RequestTimeout.TotalSeconds:0.#} s" : $"could not be reached ({e.Message})";
                var message = $"ServiceNow {BaseUrl} {what} for {method} {path}" + (idempotent ? $" after {Options.MaxAttempts} attempts" : "") +
                              ": check OSF_SERVICENOW_URL, the network, and the instance's health";
                if (idempotent)
                    throw new SyncException(FailureKind.Transient, message, e);
                return SnHttpResult.Failed(message);
            }
            if (ResponseReader.LooksLikeHtml(result.MediaType, result.Body))
                throw ResponseReader.HtmlFailure(method.Method, path, result.Body, BaseUrl);
            if (result.Status != 401)
                return result;
            if (_auth.CanRefresh && !refreshed)
            {
                _auth.Invalidate(result.UsedCredential);
                continue;
            }
            throw new SyncException(FailureKind.Configuration, $"{_auth.DescribeRejection()} ({method} {path})");
        }
    }

    async ValueTask<SnHttpResult> SendOnceAsync(HttpMethod method, string pathAndQuery, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, pathAndQuery.TrimStart('/')));
        var credential = await _auth.GetHeaderAsync(cancellationToken);
        request.Headers.Authorization = credential;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var started = ConnectorMetrics.Start();
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            body = await BoundedBody.ReadAsync(response.Content, Options.MaxResponseBytes, $"ServiceNow {method} {request.RequestUri?.AbsolutePath}", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            ConnectorMetrics.UpstreamRequest(ConnectorMetrics.ServiceNow, e is HttpRequestException ? "unreachable" : "timeout", ConnectorMetrics.Since(started));
            throw;
        }
        using var disposeResponse = response;
        ConnectorMetrics.UpstreamRequest(ConnectorMetrics.ServiceNow, ConnectorMetrics.StatusResult((int)response.StatusCode), ConnectorMetrics.Since(started));
        if (!response.IsSuccessStatusCode)
            body = Redactor.Redact(body); // error texts end up in messages; some gateways echo the request
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            headers[name] = string.Join(",", values);
        return new SnHttpResult((int)response.StatusCode, body, headers, response.Content.Headers.ContentType?.MediaType)
        {
            UsedCredential = credential.Parameter,
        };
    }

    void EnsureReadSuccess(SnHttpResult result, string table, IReadOnlyCollection<string> fields)
    {
        if (result.IsSuccess)
            return;
        var error = ResponseReader.ErrorText(result.Body);
        var where = $"ServiceNow GET {table} answered {result.Status} ({error})";
        throw result.Status switch
        {
            403 => new SyncException(FailureKind.Permission,
                $"{where}: give the integration user read access to {table} and its fields {string.Join(",", fields)} " +
                "(role procurement_user, or read ACLs on the table and fields)"),
            404 => new SyncException(FailureKind.NotFound, $"{where}: the table or record does not exist or an ACL hides it"),
            400 => new SyncException(FailureKind.Configuration, $"{where}: check the table name and the source query in the pipeline definition"),
            429 => new SyncException(FailureKind.Transient, $"{where}: rate limited after {Options.MaxAttempts} attempts; raise the instance's rate limit rule for the integration user or poll less often"),
            >= 500 => new SyncException(FailureKind.Transient, $"{where} after {Options.MaxAttempts} attempts: the instance is struggling; the next cycle retries"),
            _ => new SyncException(FailureKind.Data, $"{where}: unexpected answer"),
        };
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
