namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>Removes the configured credentials from any text that may reach a log or an exception message.</summary>
internal sealed class Redactor(params string?[] secrets)
{
    readonly string[] _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 3)
        .Select(s => s!).OrderByDescending(s => s.Length).ToArray();

    public static readonly Redactor None = new();

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        foreach (var secret in _secrets)
            text = text.Replace(secret, "***", StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
