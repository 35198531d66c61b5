namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>
/// The credentials this process was configured with, registered where connections are bound, so that the last
/// line of defence (console output, the activity log) can redact them whatever code path produced the text.
/// </summary>
public static class KnownSecrets
{
    static SecretRedactor _current = SecretRedactor.None;

    public static SecretRedactor Current => Volatile.Read(ref _current);

    public static void Register(SecretRedactor redactor)
    {
        if (redactor.IsEmpty)
            return;
        SecretRedactor seen, next;
        do
        {
            seen = Volatile.Read(ref _current);
            next = seen.With(redactor);
        }
        while (Interlocked.CompareExchange(ref _current, next, seen) != seen);
    }

    /// <summary>Registers the <c>user:password@</c> part of <paramref name="url"/>, when it has one (raw and unescaped).</summary>
    public static void RegisterUrlCredentials(string? url)
    {
        if (url is null || !UrlText.HasCredentials(url))
            return;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var userInfo = url[start..url.IndexOf('@', start)];
        var parts = userInfo.Split(':', 2);
        Register(new SecretRedactor([userInfo, .. parts.Skip(1), .. parts.Skip(1).Select(Uri.UnescapeDataString)], []));
    }

    public static string Redact(string? text) => Current.Redact(text);

    public static string? RedactOrNull(string? text) => text is null ? null : Current.Redact(text);
}
