using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Domain;

/// <summary>The fields that actually change on one PO and its lines: what gets written to ServiceNow.</summary>
public sealed record StatusUpdate(
    string PoSysId,
    string PoNumber,
    IReadOnlyDictionary<string, string> PoFields,
    IReadOnlyList<LineUpdate> Lines)
{
    public bool IsEmpty => PoFields.Count == 0 && Lines.All(l => l.Fields.Count == 0);

    /// <summary>
    /// PO memo fields written by appending: the lines the rules want present, per field. The writer re-reads such a
    /// field just before writing it and appends the missing lines to what it holds then, so a line added meanwhile
    /// (by a person, or not read by the source) is never lost.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PoAppends { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Number of records (PO plus lines) this update writes.</summary>
    public int RecordCount => (PoFields.Count > 0 ? 1 : 0) + Lines.Count(l => l.Fields.Count > 0);

    /// <summary>
    /// The activity-log shape: <c>{"&lt;po table&gt;":{field:value}, "&lt;line table&gt;":{"&lt;line number&gt;":{field:value}}}</c>.
    /// </summary>
    public string ToFieldsJson(string poTable, string lineTable)
    {
        var lines = new JObject();
        foreach (var line in Lines.Where(l => l.Fields.Count > 0))
            lines[line.LineNumber] = JObject.FromObject(line.Fields);
        var root = new JObject { [poTable] = JObject.FromObject(PoFields), [lineTable] = lines };
        return root.ToString(Formatting.None);
    }
}

/// <summary>The changed fields of one PO line. <see cref="LineNumber"/> is the TD SYNNEX line number (or the sys_id).</summary>
public sealed record LineUpdate(string SysId, string LineNumber, IReadOnlyDictionary<string, string> Fields);
