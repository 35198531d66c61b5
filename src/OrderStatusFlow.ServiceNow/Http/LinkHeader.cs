namespace OrderStatusFlow.ServiceNow.Http;

/// <summary>Reads the <c>Link</c> header (<c>&lt;url&gt;;rel="next"</c>, comma-separated; offsets may be negative).</summary>
static class LinkHeader
{
    /// <summary>The path and query of the <paramref name="rel"/> link, or null when absent.</summary>
    public static string? Find(string? header, string rel)
    {
        if (string.IsNullOrEmpty(header))
            return null;
        var at = 0;
        while (at < header.Length)
        {
            var open = header.IndexOf('<', at);
            var close = open < 0 ? -1 : header.IndexOf('>', open);
            if (close < 0)
                return null;
            var next = header.IndexOf('<', close);
            var parameters = next < 0 ? header[(close + 1)..] : header[(close + 1)..next];
            if (parameters.Replace(" ", "").Contains($"rel=\"{rel}\"", StringComparison.OrdinalIgnoreCase))
            {
                var url = header[(open + 1)..close];
                return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url;
            }
            at = next < 0 ? header.Length : next;
        }
        return null;
    }

    /// <summary>The <c>sysparm_offset</c> of a link, or null.</summary>
    public static int? Offset(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        if (question < 0)
            return null;
        foreach (var pair in pathAndQuery[(question + 1)..].Split('&'))
            if (pair.StartsWith("sysparm_offset=", StringComparison.Ordinal) && int.TryParse(pair["sysparm_offset=".Length..], out var offset))
                return offset;
        return null;
    }
}
