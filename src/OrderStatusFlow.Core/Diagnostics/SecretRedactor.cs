using System.Net;
using System.Security;
using System.Text;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>
/// Replaces credentials with <c>***</c> in any text that may reach a console, a log, an exception message or the
/// activity log, in every form they travel in: literal, XML/HTML-escaped, URL-encoded (both <c>%20</c> and <c>+</c>),
/// JSON-escaped (minimal and <c>\uXXXX</c>), and the Base64 of a Basic <c>Authorization</c> header. Matching ignores
/// case. Callers redact before they shorten a text, so a secret cut in half cannot slip through. Secrets shorter than
/// 3 characters are not redacted (they would blank out ordinary words). Immutable and thread-safe.
/// </summary>
public sealed class SecretRedactor
{
    const int MinimumLength = 3;
    readonly string[] _forms;

    public static readonly SecretRedactor None = new([], []);

    /// <param name="secrets">Passwords, client secrets, tokens.</param>
    /// <param name="basicPairs">User and password pairs sent as Basic authentication.</param>
    public SecretRedactor(IEnumerable<string?> secrets, IEnumerable<(string? User, string? Password)> basicPairs)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets.OfType<string>().Where(s => s.Length >= MinimumLength))
            foreach (var form in FormsOf(secret))
                forms.Add(form);
        foreach (var (user, password) in basicPairs)
            if (!string.IsNullOrEmpty(password))
                forms.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        _forms = forms.Where(f => f.Length >= MinimumLength).OrderByDescending(f => f.Length).ToArray();
    }

    public SecretRedactor(params string?[] secrets)
        : this(secrets, [])
    {
    }

    public bool IsEmpty => _forms.Length == 0;

    /// <summary>Every form <paramref name="secret"/> may take on the wire or in a message.</summary>
    public static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        yield return SecurityElement.Escape(secret);
        yield return WebUtility.HtmlEncode(secret);
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return Newtonsoft.Json.JsonConvert.ToString(secret)[1..^1];
        yield return System.Text.Json.JsonSerializer.Serialize(secret)[1..^1];
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        foreach (var form in _forms)
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
                text = text.Replace(form, "***", StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>This redactor plus <paramref name="other"/>'s forms.</summary>
    public SecretRedactor With(SecretRedactor other) => new(_forms.Concat(other._forms));

    SecretRedactor(IEnumerable<string> forms) => _forms = forms.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length).ToArray();
}
