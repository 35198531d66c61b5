using System.Text;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Http;
using OrderStatusFlow.TdSynnex.Http;
using OrderStatusFlow.TdSynnex.Xml;
using Polly;
using Polly.Retry;
using Serilog;

namespace OrderStatusFlow.TdSynnex;

/// <summary>
/// Talks XML to TD SYNNEX: PO Status (<c>{Url}/SynnexXML/POStatus</c>, envelope version 2.7) and the invoice query
/// (<c>{InvoiceUrl}/webservice/invoice/query</c>, version 2.2). Transient failures are retried with exponential
/// back-off and jitter up to <see cref="TdSynnexOptions.MaxAttempts"/>; every attempt has its own timeout; an optional
/// rate limit spaces requests. Every failure is a classified <see cref="SyncException"/> without credentials.
/// Safe to call concurrently.
/// </summary>
public sealed class TdSynnexClient
{
    // Carries "endpoint PO" into the retry callback for the log line.
    static readonly ResiliencePropertyKey<string> PoKey = new("osf.tdsynnex.request");

    readonly TdSynnexOptions _options;
    readonly HttpClient _http;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Redactor _redactor;
    readonly RequestRateLimiter _limiter;
    readonly ResiliencePipeline _retry;
    readonly RequestBuilder _requests;

    public TdSynnexClient(TdSynnexOptions options, HttpClient httpClient, TimeProvider? time = null, ILogger? logger = null)
    {
        _options = options;
        _http = httpClient;
        _time = time ?? TimeProvider.System;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<TdSynnexClient>();
        _redactor = new Redactor(options.Password);
        KnownSecrets.Register(_redactor.Secrets);
        _limiter = new RequestRateLimiter(options.RequestsPerSecond, _time);
        _retry = BuildRetry();
        _requests = new RequestBuilder(options);
    }

    /// <summary>The TD SYNNEX account the requests are made for.</summary>
    internal string Customer => _options.Customer;

    /// <summary>Asks PO Status for one PO; throws <see cref="SyncException"/> for every error answer.</summary>
    internal Task<PoStatusResponse> GetPoStatusAsync(string poNumber, CancellationToken cancellationToken) =>
        SendAsync("PO Status", _options.StatusUri, poNumber, _requests.PoStatus(poNumber),
            body => PoStatusParser.Parse(body, _redactor), cancellationToken);

    /// <summary>Asks the invoice query for one PO; "no invoice yet" is a result, not an error.</summary>
    internal Task<InvoiceQueryResult> GetInvoicesAsync(string poNumber, CancellationToken cancellationToken) =>
        SendAsync("invoice query", _options.InvoiceUri, poNumber, _requests.InvoiceQuery(poNumber),
            body => InvoiceParser.Parse(body, _redactor), cancellationToken);

    async Task<T> SendAsync<T>(string endpoint, Uri uri, string poNumber, string request, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PoKey, $"{endpoint} {poNumber}");
        try
        {
            return await _retry.ExecuteAsync(async (ctx, _) =>
            {
                attempts++;
                await _limiter.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
                var body = await PostOnceAsync(endpoint, uri, request, ctx.CancellationToken).ConfigureAwait(false);
                try
                {
                    return parse(body);
                }
                catch (Exception ex) when (ex is not SyncException)
                {
                    throw new SyncException(FailureKind.Data,
                        $"TD SYNNEX {endpoint} answer for {poNumber} could not be read ({_redactor.Redact(ex.Message)}). Not retried; the PO is queried again next cycle.", ex);
                }
            }, context, 0).ConfigureAwait(false);
        }
        catch (SyncException ex) when (ex.Kind == FailureKind.Transient && attempts > 1)
        {
            throw new SyncException(FailureKind.Transient, $"{ex.Message} Gave up after {attempts} attempts for {poNumber}.", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    async Task<string> PostOnceAsync(string endpoint, Uri uri, string request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, uri);
        message.Content = new StringContent(request, Encoding.UTF8, "text/xml");
        message.Headers.Accept.ParseAdd("application/xml");
        message.Headers.Accept.ParseAdd("text/xml");
        var started = ConnectorMetrics.Start();
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await BoundedBody.ReadAsync(response.Content, _options.MaxResponseBytes, $"TD SYNNEX {endpoint} answer", linked.Token).ConfigureAwait(false);
            ConnectorMetrics.UpstreamRequest(ConnectorMetrics.TdSynnex, ConnectorMetrics.StatusResult((int)response.StatusCode), ConnectorMetrics.Since(started));
            if (!response.IsSuccessStatusCode)
                throw HttpFailures.Status(endpoint, uri, response.StatusCode, body, _redactor);
            return body;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ConnectorMetrics.UpstreamRequest(ConnectorMetrics.TdSynnex, "timeout", ConnectorMetrics.Since(started));
            throw HttpFailures.Timeout(endpoint, _options.RequestTimeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            ConnectorMetrics.UpstreamRequest(ConnectorMetrics.TdSynnex, "unreachable", ConnectorMetrics.Since(started));
            throw HttpFailures.Unreachable(endpoint, uri, ex, _redactor);
        }
    }

    ResiliencePipeline BuildRetry()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SyncException>(e => e.Kind == FailureKind.Transient),
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                OnRetry = args =>
                {
                    ConnectorMetrics.Retry(ConnectorMetrics.TdSynnex);
                    args.Context.Properties.TryGetValue(PoKey, out var what);
                    _logger.Warning("TD SYNNEX {Request} failed ({Problem}); retry {Retry} in {Delay}",
                        what, args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        return builder.Build();
    }

    public override string ToString() => $"TdSynnexClient({_options})";
}
