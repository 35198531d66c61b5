using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// Who may act. The token is entered once at <c>/signin</c>; the browser then holds an HttpOnly, SameSite=Strict
/// cookie with a value derived from it (never the token itself). Scripts send <c>Authorization: Bearer TOKEN</c>.
/// Every comparison is constant-time. A browser form must also come from this console's own origin.
/// </summary>
static class ConsoleAuth
{
    public const string SessionCookie = "osf_console";
    public const string NameCookie = "osf_console_name";

    public static string SessionValue(string token) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "osf-console-session"u8));

    public static bool TokenMatches(string? given, string token) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsSignedIn(HttpContext http, ConsoleOptions options) =>
        options.Token is { } token && http.Request.Cookies.TryGetValue(SessionCookie, out var value) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value ?? ""), Encoding.ASCII.GetBytes(SessionValue(token)));

    /// <summary>Null when the request may act; otherwise why not (for a 403 page).</summary>
    public static string? Refusal(HttpContext http, ConsoleOptions options)
    {
        if (options.Token is not { } token)
            return "This console is read-only: no console token is configured (OSF_CONSOLE_TOKEN or console.token).";
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
            return TokenMatches(header["Bearer ".Length..].Trim(), token) ? null : "The bearer token is wrong.";
        if (!SameOrigin(http))
            return "The form did not come from this console (Origin header missing or different).";
        return IsSignedIn(http, options) ? null : "Sign in with the console token first.";
    }

    public static bool SameOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Who to record for an action: the name given at sign-in (or "api") and the client address.</summary>
    public static string Who(HttpContext http)
    {
        var name = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? "api"
            : http.Request.Cookies.TryGetValue(NameCookie, out var n) && !string.IsNullOrWhiteSpace(n) ? Uri.UnescapeDataString(n) : "operator";
        return $"{name[..Math.Min(name.Length, 60)]} ({http.Connection.RemoteIpAddress})";
    }
}
