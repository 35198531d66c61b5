namespace OrderStatusFlow.ServiceNow.Http;

/// <summary>One HTTP answer, read fully; <see cref="TransportError"/> is set (and Status 0) when no answer came.</summary>
sealed record SnHttpResult(int Status, string Body, IReadOnlyDictionary<string, string> Headers, string? MediaType, string? TransportError = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static SnHttpResult Failed(string error) =>
        new(0, "", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, error);
}
