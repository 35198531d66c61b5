using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Rules.Isolation;

/// <summary>
/// The POs that killed a rules process, one JSON object per line (<c>poisoned.jsonl</c> in the guard folder): written
/// by the supervisor, read by each new child. Kept for as long as the supervisor runs.
/// </summary>
internal static class PoisonList
{
    static string PathOf(string folder) => Path.Combine(folder, "poisoned.jsonl");

    public static void Append(string folder, string sysId, string version, string reason) =>
        File.AppendAllText(PathOf(folder), new JObject { ["sysId"] = sysId, ["version"] = version, ["reason"] = reason }
            .ToString(Newtonsoft.Json.Formatting.None) + "\n");

    public static IReadOnlyDictionary<(string SysId, string Version), string> Read(string folder)
    {
        var poisoned = new Dictionary<(string, string), string>();
        var path = PathOf(folder);
        if (!File.Exists(path))
            return poisoned;
        foreach (var line in File.ReadAllLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var entry = JObject.Parse(line);
            poisoned[((string?)entry["sysId"] ?? "", (string?)entry["version"] ?? "")] = (string?)entry["reason"] ?? "the process died";
        }
        return poisoned;
    }
}
