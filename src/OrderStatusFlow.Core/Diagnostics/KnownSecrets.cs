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

    public static string Redact(string? text) => Current.Redact(text);

    public static string? RedactOrNull(string? text) => text is null ? null : Current.Redact(text);
}
