using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Rules.Isolation;

/// <summary>
/// What earlier rules processes died of, one JSON object per line (<c>poisoned.jsonl</c> in the guard folder): written
/// by the supervisor, read by each new child, kept for as long as the supervisor runs. An entry is either a PO that
/// killed a process (<c>poisoned</c>: failed for that rules version) or one of several POs that were being evaluated
/// when a process died (<c>suspect</c>: evaluated alone from then on, so the next crash names the culprit).
/// </summary>
internal static class PoisonList
{
    const string Suspect = "suspect";

    static string PathOf(string folder) => Path.Combine(folder, "poisoned.jsonl");

    public static void Append(string folder, string sysId, string version, string reason) =>
        Write(folder, sysId, version, reason, kind: null);

    public static void AppendSuspect(string folder, string sysId, string version) =>
        Write(folder, sysId, version, reason: null, Suspect);

    static void Write(string folder, string sysId, string version, string? reason, string? kind)
    {
        var entry = new JObject { ["sysId"] = sysId, ["version"] = version };
        if (reason is not null)
            entry["reason"] = reason;
        if (kind is not null)
            entry["kind"] = kind;
        File.AppendAllText(PathOf(folder), entry.ToString(Newtonsoft.Json.Formatting.None) + "\n");
    }

    /// <summary>The poisoned POs with their reasons, and the suspects (a PO poisoned later is in both).</summary>
    public static (IReadOnlyDictionary<(string SysId, string Version), string> Poisoned, IReadOnlySet<(string SysId, string Version)> Suspects) Read(string folder)
    {
        var poisoned = new Dictionary<(string, string), string>();
        var suspects = new HashSet<(string, string)>();
        var path = PathOf(folder);
        if (!File.Exists(path))
            return (poisoned, suspects);
        foreach (var line in File.ReadAllLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var entry = JObject.Parse(line);
            var key = ((string?)entry["sysId"] ?? "", (string?)entry["version"] ?? "");
            if ((string?)entry["kind"] == Suspect)
                suspects.Add(key);
            else
                poisoned[key] = (string?)entry["reason"] ?? "the process died";
        }
        return (poisoned, suspects);
    }
}
