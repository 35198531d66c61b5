namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>URLs as they may be shown: never with the <c>user:password@</c> part.</summary>
public static class UrlText
{
    /// <summary>True when <paramref name="url"/> carries credentials before the host (<c>https://user:secret@host</c>).</summary>
    public static bool HasCredentials(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return false;
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return uri.UserInfo.Length > 0;
        // Not parseable: look for an '@' in the authority part by hand.
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var authority = start < 0 ? url : url[(start + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? authority : authority[..end]).Contains('@');
    }

    /// <summary><paramref name="url"/> with any credentials replaced by <c>***</c>; safe to print.</summary>
    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || !HasCredentials(url))
            return url ?? "";
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var from = start < 0 ? 0 : start + 3;
        var at = url.IndexOf('@', from);
        return url[..from] + "***" + url[at..];
    }
}
