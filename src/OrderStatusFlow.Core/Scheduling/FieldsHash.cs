using System.Security.Cryptography;
using System.Text;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// A short digest of the PO fields read, or of its lines' fields (system fields such as <c>sys_updated_on</c> left
/// out, since the connector's own writes change them): when it differs from the one stored, the record changed in
/// ServiceNow and the PO is due. The connector's own writes are laid over the values read, so they do not count.
/// </summary>
public static class FieldsHash
{
    /// <summary>
    /// Stored instead of a digest for a PO known to have changed in ServiceNow but not checked yet (see
    /// <see cref="Seams.ICheckSchedule.MarkChangedAsync"/>): no read matches it, so the PO counts as changed until checked.
    /// </summary>
    public const string ChangedMark = "changed, not checked yet";

    // Field sets are immutable once read: a record kept between cycles (as in the week bench) is digested once.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, string>, string> Cache = new();

    /// <summary>The digest of <paramref name="po"/>'s fields, with <paramref name="written"/> laid over them when given.</summary>
    public static string Of(PurchaseOrder po, IReadOnlyDictionary<string, string>? written = null) =>
        written is null ? Cache.GetValue(po.Fields, _ => Compute([(po.Fields, null)])) : Compute([(po.Fields, written)]);

    /// <summary>
    /// The digest of the lines' fields (in <c>sys_id</c> order), each with the fields <paramref name="written"/> to it
    /// laid over: only fields that were read count, so a field written but not read back changes nothing.
    /// </summary>
    public static string OfLines(IReadOnlyList<PurchaseOrderLine> lines, IReadOnlyList<LineUpdate>? written = null)
    {
        var writes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var update in written ?? [])
            if (update.Fields.Count > 0)
                writes[update.SysId] = update.Fields;
        return Compute([.. lines.OrderBy(l => l.SysId, StringComparer.Ordinal).Select(l => (l.Fields, writes.GetValueOrDefault(l.SysId)))]);
    }

    static string Compute(IReadOnlyList<(IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string>? Written)> records)
    {
        var builder = new StringBuilder(256);
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
                builder.Append('\u001d'); // between records: one record digests as it always did
            var (fields, written) = records[i];
            foreach (var (field, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (field.StartsWith("sys_", StringComparison.Ordinal) && field != "sys_id")
                    continue;
                var text = written is not null && written.TryGetValue(field, out var newValue) ? newValue : value;
                builder.Append(field).Append('\u001f').Append(text?.ReplaceLineEndings("\n").Trim()).Append('\u001e');
            }
        }
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), digest);
        return Convert.ToHexString(digest[..8]);
    }
}
