using System.Buffers;
using System.Text;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Http;

/// <summary>
/// Reads an HTTP response body with a size cap (a runaway or hostile answer cannot exhaust memory) and decodes it
/// strictly: bytes that are not valid in the declared charset (UTF-8 when none is declared) are a data error naming
/// the offset, not silently replaced.
/// </summary>
public static class BoundedBody
{
    public static async Task<string> ReadAsync(HttpContent content, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
            throw TooLarge(what, maxBytes, $"{declared} bytes declared");
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream(content.Headers.ContentLength is { } length ? (int)Math.Min(length, 1 << 20) : 0);
        // Pooled: every TD SYNNEX and ServiceNow answer passes through here, and a fresh 80 KB array per answer was
        // a large share of the connector's allocation (and of its time, zeroing it).
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw TooLarge(what, maxBytes, "more than that received");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), content.Headers.ContentType?.CharSet, what);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, string what)
    {
        Encoding encoding;
        try
        {
            charset = string.IsNullOrWhiteSpace(charset) ? XmlDeclaredEncoding(bytes) : charset;
            encoding = string.IsNullOrWhiteSpace(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            throw new SyncException(FailureKind.Data, $"{what} declared the unknown charset '{charset}'; only UTF-8 and the standard .NET charsets are read. Not retried; asked again next cycle.");
        }
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            var text = strict.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new SyncException(FailureKind.Data,
                $"{what} is not valid {encoding.WebName}: invalid bytes at offset {ex.Index}. Not retried; asked again next cycle (report it to the sender if it persists).");
        }
    }

    static SyncException TooLarge(string what, long maxBytes, string seen) =>
        new(FailureKind.Data, $"{what} is larger than the {maxBytes / 1024} KiB cap ({seen}); not read. Not retried; asked again next cycle.");

    // An XML answer without a charset header may declare its encoding in the prolog: <?xml ... encoding="..."?>.
    static string? XmlDeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        if (!head.StartsWith("<?xml", StringComparison.Ordinal))
            return null;
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var prolog = end < 0 ? head : head[..end];
        var at = prolog.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var rest = prolog[(at + 8)..].TrimStart(' ', '=', '"', '\'');
        var stop = rest.IndexOfAny(['"', '\'', ' ']);
        return stop < 0 ? null : rest[..stop];
    }
}
