namespace OrderStatusFlow.ServiceNow.Http;

/// <summary>One HTTP answer, read fully; <see cref="TransportError"/> is set (and Status 0) when no answer came.</summary>
sealed record SnHttpResult(int Status, string Body, IReadOnlyDictionary<string, string> Headers, string? MediaType, string? TransportError = null)
{
    /// <summary>The credential the request carried, so a 401 only discards that one (not a newer token).</summary>
    public string? UsedCredential { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static SnHttpResult Failed(string error) =>
        new(0, "", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, error);
}
