using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.ServiceNow.Http;

/// <summary>Reads Table API bodies: records (values as strings, references in either form) and error envelopes.</summary>
static class ResponseReader
{
    public static bool LooksLikeHtml(HttpResponseMessage response, string body) =>
        LooksLikeHtml(response.Content.Headers.ContentType?.MediaType, body);

    public static bool LooksLikeHtml(string? mediaType, string body) =>
        mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('<');

    public static SyncException HtmlFailure(string method, string path, string body, Uri baseUrl)
    {
        var title = Between(body, "<title>", "</title>")?.Trim();
        return new SyncException(FailureKind.Configuration,
            $"ServiceNow answered an HTML page (instance hibernating?) for {method} {path}" + (title is null ? "" : $" (page title '{title}')") +
            $": wake the instance by logging in at {baseUrl} in a browser, or check OSF_SERVICENOW_URL points at the instance itself, not a login or SSO page");
    }

    /// <summary>The records of a <c>{"result":[...]}</c> or <c>{"result":{...}}</c> body.</summary>
    public static List<Dictionary<string, string>> Records(string body, string what)
    {
        var result = Parse(body, what)["result"];
        return result switch
        {
            JArray array => array.OfType<JObject>().Select(Record).ToList(),
            JObject single => [Record(single)],
            _ => throw new SyncException(FailureKind.Data, $"ServiceNow answered {what} without a 'result': {Shorten(body)}"),
        };
    }

    /// <summary>A record's values as strings; a reference <c>{"link":..,"value":..}</c> becomes its value.</summary>
    public static Dictionary<string, string> Record(JObject record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in record.Properties())
        {
            values[property.Name] = property.Value switch
            {
                JObject reference when reference["value"] is { } value => Text(value),
                JObject other => other.ToString(Formatting.None),
                var token => Text(token),
            };
        }
        return values;
    }

    /// <summary>The "message: detail" of an error envelope, or a short excerpt of whatever came.</summary>
    public static string ErrorText(string body)
    {
        try
        {
            if (JToken.Parse(body) is JObject root && root["error"] is JObject error)
            {
                var message = error.Value<string>("message") ?? "";
                var detail = error["detail"]?.Type == JTokenType.String ? error.Value<string>("detail") : null;
                return string.IsNullOrWhiteSpace(detail) || detail == message ? message : $"{message}: {detail}";
            }
        }
        catch (JsonException)
        {
        }
        return Shorten(body);
    }


    public static JObject Parse(string body, string what)
    {
        try
        {
            return JObject.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SyncException(FailureKind.Data, $"ServiceNow answered {what} with something that is not JSON ({e.Message}): {Shorten(body)}");
        }
    }

    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    static string Text(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => "",
        JTokenType.Boolean => token.Value<bool>() ? "true" : "false",
        _ => token.ToString(),
    };

    static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.OrdinalIgnoreCase);
        if (from < 0)
            return null;
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.OrdinalIgnoreCase);
        return to < 0 ? null : text[from..to];
    }
}
