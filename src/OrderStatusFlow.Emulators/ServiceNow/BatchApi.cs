using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary><c>POST /api/now/v1/batch</c>: items run one after another; what does not fit goes to <c>unserviced_requests</c>.</summary>
sealed class BatchApi(InstanceState state, TableApi tables, RateLimiter? rateLimiter)
{
    public async Task<SnResponse> HandleAsync(SnRequest request)
    {
        state.Stats.Add(ServiceNowEmulatorStats.BatchRequests);
        state.Stats.BatchStarted();
        try
        {
            return await RunAsync(request);
        }
        finally
        {
            state.Stats.BatchEnded();
        }
    }

    async Task<SnResponse> RunAsync(SnRequest request)
    {
        JObject body;
        try
        {
            body = JObject.Parse(request.Body);
        }
        catch (JsonException e)
        {
            return SnResponse.Error(400, "Exception while reading request", "The payload is not valid JSON: " + e.Message);
        }
        if (body["rest_requests"] is not JArray items)
            return SnResponse.Error(400, "Exception while reading request", "rest_requests is missing");

        var clock = Stopwatch.StartNew();
        var serviced = new JArray();
        var unserviced = new JArray();
        var scenario = state.Scenario;
        var pacer = new ItemPacer(TimeSpan.FromMilliseconds(scenario.BatchItemLatencyMs), TimeProvider.System);
        foreach (var item in items.OfType<JObject>())
        {
            var id = item.Value<string>("id") ?? "";
            if ((scenario.BatchMaxItems > 0 && serviced.Count >= scenario.BatchMaxItems)
                || (scenario.BatchTimeBudgetMs > 0 && clock.ElapsedMilliseconds >= scenario.BatchTimeBudgetMs))
            {
                unserviced.Add(id);
                state.Stats.Add(ServiceNowEmulatorStats.Unserviced);
                continue;
            }
            state.Stats.Add(ServiceNowEmulatorStats.BatchItems);
            if (scenario.BatchItemLatencyMs > 0)
                await pacer.NextAsync();
            var started = clock.ElapsedMilliseconds;
            var answer = RunItem(request, item);
            var entry = new JObject
            {
                ["id"] = id,
                ["status_code"] = answer.Status,
                ["status_text"] = SnResponse.StatusText(answer.Status),
                ["body"] = Convert.ToBase64String(answer.BodyBytes),
                ["headers"] = item.Value<bool?>("exclude_response_headers") == true
                    ? new JArray()
                    : new JArray(answer.Headers.Append(new("Content-Type", answer.ContentType))
                        .Select(h => new JObject { ["name"] = h.Key, ["value"] = h.Value })),
                ["execution_time"] = clock.ElapsedMilliseconds - started,
            };
            if (answer.Status >= 400)
                entry["error_message"] = "";
            serviced.Add(entry);
        }

        if (state.TakeCancelledBatch())
        {
            state.Stats.Add(ServiceNowEmulatorStats.TransactionsCancelled);
            return SnResponse.TransactionCancelled();
        }
        return SnResponse.Json(200, new JObject
        {
            ["batch_request_id"] = body["batch_request_id"]?.DeepClone() ?? "",
            ["serviced_requests"] = serviced,
            ["unserviced_requests"] = unserviced,
        });
    }

    SnResponse RunItem(SnRequest outer, JObject item)
    {
        var method = (item.Value<string>("method") ?? "").ToUpperInvariant();
        var url = item.Value<string>("url") ?? "";
        if (method.Length == 0 || url.Length == 0)
            return SnResponse.Error(400, "Exception while reading request", "id, method and url are required");
        if (state.Scenario.RateLimit is { CountBatchItems: true } && rateLimiter is not null)
        {
            var headers = new Dictionary<string, string>();
            if (rateLimiter.Acquire(headers) is { } denied)
            {
                state.Stats.Add(ServiceNowEmulatorStats.RateLimited);
                return denied;
            }
        }
        string body;
        try
        {
            body = item.Value<string>("body") is { Length: > 0 } b ? Encoding.UTF8.GetString(Convert.FromBase64String(b)) : "";
        }
        catch (FormatException)
        {
            return SnResponse.Error(400, "Exception while reading request", "body is not base64");
        }
        var question = url.IndexOf('?');
        var path = question < 0 ? url : url[..question];
        var query = SnRequest.ParseQuery(question < 0 ? "" : url[question..]);
        var inner = new SnRequest(method, path, query, body, outer.BaseUrl);
        return TableRoute.TryMatch(path, out var table, out var sysId, out var v1)
            ? tables.Handle(inner, table, sysId, v1)
            : SnResponse.BadPath();
    }
}
