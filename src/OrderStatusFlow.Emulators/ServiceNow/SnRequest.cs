namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>A request to the emulated instance: from HTTP or from one batch item.</summary>
sealed record SnRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body, Uri BaseUrl)
{
    public string? Q(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public static IReadOnlyDictionary<string, string> ParseQuery(string queryString) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
