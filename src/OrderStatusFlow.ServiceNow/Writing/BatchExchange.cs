using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.ServiceNow.Http;

namespace OrderStatusFlow.ServiceNow.Writing;

/// <summary>Builds one Batch API request (a PATCH per item, base64 bodies) and reads its answer.</summary>
static class BatchExchange
{
    public static string BuildRequest(string batchId, IReadOnlyList<(string Id, WriteItem Item)> items) =>
        new JObject
        {
            ["batch_request_id"] = batchId,
            ["rest_requests"] = new JArray(items.Select(x => new JObject
            {
                ["id"] = x.Id,
                ["method"] = "PATCH",
                ["url"] = $"/api/now/table/{x.Item.Table}/{Uri.EscapeDataString(x.Item.SysId)}" +
                          $"?sysparm_fields={Uri.EscapeDataString(string.Join(",", x.Item.Remaining.Keys.Prepend("sys_id")))}&sysparm_exclude_reference_link=true",
                ["headers"] = new JArray(
                    new JObject { ["name"] = "Content-Type", ["value"] = "application/json" },
                    new JObject { ["name"] = "Accept", ["value"] = "application/json" }),
                ["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JObject.FromObject(x.Item.Remaining).ToString(Formatting.None))),
                ["exclude_response_headers"] = false,
            })),
        }.ToString(Formatting.None);

    /// <summary>The serviced items (id → status, body, headers) and the unserviced ids.</summary>
    public static (Dictionary<string, ServicedItem> Serviced, HashSet<string> Unserviced) ReadResponse(string body)
    {
        var root = ResponseReader.Parse(body, "the batch request");
        var serviced = new Dictionary<string, ServicedItem>(StringComparer.Ordinal);
        foreach (var entry in root["serviced_requests"]?.OfType<JObject>() ?? [])
        {
            var id = entry.Value<string>("id") ?? "";
            var text = entry.Value<string>("body") is { Length: > 0 } encoded ? Decode(encoded) : "";
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in entry["headers"]?.OfType<JObject>() ?? [])
                if (header.Value<string>("name") is { } name)
                    headers[name] = header.Value<string>("value") ?? "";
            serviced[id] = new ServicedItem(entry.Value<int?>("status_code") ?? 0, text, headers);
        }
        var unserviced = new HashSet<string>(
            (root["unserviced_requests"] as JArray ?? []).Select(t => t is JObject o ? o.Value<string>("id") ?? "" : t.ToString()),
            StringComparer.Ordinal);
        return (serviced, unserviced);
    }

    static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new SyncException(FailureKind.Data, "ServiceNow answered a batch item whose body is not base64");
        }
    }
}

/// <summary>One serviced batch item: its own HTTP status, decoded body and headers.</summary>
sealed record ServicedItem(int Status, string Body, IReadOnlyDictionary<string, string> Headers);
