using System.Security.Cryptography;
using System.Text;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// A short digest of the PO fields read (system fields such as <c>sys_updated_on</c> left out, since the connector's
/// own writes change them): when it differs from the one stored, the record changed in ServiceNow and the PO is due.
/// </summary>
public static class FieldsHash
{
    // Field sets are immutable once read: a record kept between cycles (as in the week bench) is digested once.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, string>, string> Cache = new();

    /// <summary>The digest of <paramref name="po"/>'s fields, with <paramref name="written"/> laid over them when given.</summary>
    public static string Of(PurchaseOrder po, IReadOnlyDictionary<string, string>? written = null) =>
        written is null ? Cache.GetValue(po.Fields, _ => Compute(po, null)) : Compute(po, written);

    static string Compute(PurchaseOrder po, IReadOnlyDictionary<string, string>? written)
    {
        var builder = new StringBuilder(256);
        foreach (var (field, value) in po.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (field.StartsWith("sys_", StringComparison.Ordinal) && field != "sys_id")
                continue;
            var text = written is not null && written.TryGetValue(field, out var newValue) ? newValue : value;
            builder.Append(field).Append('\u001f').Append(text?.ReplaceLineEndings("\n").Trim()).Append('\u001e');
        }
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), digest);
        return Convert.ToHexString(digest[..8]);
    }
}
