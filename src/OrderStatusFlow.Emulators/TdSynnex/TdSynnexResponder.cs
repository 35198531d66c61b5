using System.Security;
using Microsoft.AspNetCore.Http;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>Answers one request: credentials, capacity and latency, scripted faults, then the scenario data.</summary>
internal sealed class TdSynnexResponder
{
    static readonly string[] AcceptedTypes = ["text/xml", "application/xml", "text/plain"];

    readonly TdSynnexScenario _scenario;
    readonly TdSynnexClock _clock;
    readonly TimeProvider _time;
    readonly TdSynnexStats _stats;
    readonly SemaphoreSlim? _capacity;
    readonly int[] _faultHits;
    readonly Dictionary<string, TdSynnexOrder> _orders;

    public TdSynnexResponder(TdSynnexScenario scenario, TdSynnexClock clock, TimeProvider time, TdSynnexStats stats)
    {
        _scenario = scenario;
        _clock = clock;
        _time = time;
        _stats = stats;
        _capacity = scenario.MaxConcurrentRequests > 0 ? new SemaphoreSlim(scenario.MaxConcurrentRequests) : null;
        _faultHits = new int[scenario.Faults.Count];
        _orders = scenario.Orders.GroupBy(o => o.PoNumber, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    }

    public async Task HandleAsync(HttpContext context, string endpoint)
    {
        var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        if (!AcceptedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsync("Content-Type must be text/xml, application/xml or text/plain.", context.RequestAborted);
            return;
        }
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (_capacity is not null)
            await _capacity.WaitAsync(context.RequestAborted);
        try
        {
            using var _ = _stats.Enter();
            var started = _time.GetTimestamp();
            if (_scenario.LatencyMs > 0)
                await Task.Delay(_scenario.LatencyMs, context.RequestAborted);
            await RespondAsync(context, endpoint, body, started);
        }
        finally
        {
            _capacity?.Release();
        }
    }

    async Task RespondAsync(HttpContext context, string endpoint, string body, long started)
    {
        var request = TdSynnexRequest.Parse(body);
        var poNumber = request?.PoNumber ?? "";
        if (endpoint == "status")
            _stats.CountStatus(poNumber);
        else
            _stats.CountInvoice(poNumber);

        if (request is null || poNumber.Length == 0)
        {
            await WriteXml(context, 200, endpoint == "status"
                ? ErrorXml("XML Content is Incomplete", "Client.IncompleteXML: 1. The request is not well-formed or lacks PONumber.")
                : InvoiceXmlWriter.Error(poNumber, "Client.IncompleteXML", "The request is not well-formed or lacks PONumber."));
            return;
        }
        if (!request.User.Equals(_scenario.User, StringComparison.OrdinalIgnoreCase) || request.Password != _scenario.Password)
        {
            _stats.CountAuthFailure();
            await WriteXml(context, 200, endpoint == "status"
                ? ErrorXml("Authentication Failed", "Invalid UserID or Password for XML access.")
                : InvoiceXmlWriter.Error(poNumber, "Authentication Failed", "Invalid UserID or Password."));
            return;
        }

        var real = Answer(endpoint, request, started);
        var fault = NextFault(endpoint, poNumber);
        if (fault is null)
        {
            await WriteXml(context, 200, real);
            return;
        }
        _stats.CountFault();
        var foreign = fault.Kind == TdSynnexFaultKind.OtherPo
            ? Answer(endpoint, request with { PoNumber = fault.OtherPoNumber ?? "PO-OTHER" }, started)
            : null;
        await FaultWriter.ApplyAsync(context, endpoint, fault, foreign ?? real, poNumber, body);
    }

    string Answer(string endpoint, TdSynnexRequest request, long started)
    {
        var known = request.Customer == _scenario.Customer ? _orders.GetValueOrDefault(request.PoNumber) : null;
        var now = _clock.Seconds;
        if (endpoint == "status")
        {
            var step = known?.Timeline.Where(s => s.At <= now).OrderBy(s => s.At).LastOrDefault();
            var elapsed = _time.GetElapsedTime(started).TotalSeconds + 0.05;
            return StatusXmlWriter.Write(request.Version, request.Customer, request.PoNumber, step, _time.GetUtcNow(), elapsed);
        }
        var invoices = known?.Invoices.Where(i => i.AvailableAt <= now).ToList() ?? [];
        return invoices.Count == 0 ? InvoiceXmlWriter.NotAvailable(request.PoNumber) : InvoiceXmlWriter.Write(request.PoNumber, invoices);
    }

    TdSynnexFault? NextFault(string endpoint, string poNumber)
    {
        for (var i = 0; i < _scenario.Faults.Count; i++)
        {
            var fault = _scenario.Faults[i];
            if (!fault.Matches(endpoint, poNumber))
                continue;
            if (fault.Calls <= 0 || Interlocked.Increment(ref _faultHits[i]) <= fault.Calls)
                return fault;
        }
        return null;
    }

    internal static string ErrorXml(string message, string detail) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SynnexB2B>\n  <OrderStatusResponse>\n" +
        $"    <ErrorMessage>{SecurityElement.Escape(message)}</ErrorMessage>\n    <ErrorDetail>{SecurityElement.Escape(detail)}</ErrorDetail>\n" +
        "  </OrderStatusResponse>\n</SynnexB2B>\n";

    internal static Task WriteXml(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        return context.Response.WriteAsync(xml, context.RequestAborted);
    }
}
