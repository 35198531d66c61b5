using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.TdSynnex.Xml;

/// <summary>
/// Removes the configured credentials, in every form they travel in (see <see cref="SecretRedactor"/>), from any
/// text that may reach a log or an exception message.
/// </summary>
internal sealed class Redactor(params string?[] secrets)
{
    readonly SecretRedactor _secrets = new(secrets);

    public static readonly Redactor None = new();

    public SecretRedactor Secrets => _secrets;

    public string Redact(string? text) => _secrets.Redact(text);
}
