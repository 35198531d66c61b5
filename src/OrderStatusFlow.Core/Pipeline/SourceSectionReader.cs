using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>Reads the <c>source</c> section, keeping the contract's defaults for anything not given.</summary>
internal static class SourceSectionReader
{
    public static SourceDefinition Read(JObject root, JsonReading json)
    {
        var defaults = new SourceDefinition();
        if (json.Object(root, "source", "") is not { } section)
            return defaults;
        json.UnknownKeys(section, "source", SourceDefinition.KnownKeys);
        foreach (var key in new[] { "fields", "lineFields" })
            if (section[key] is { } token && token is not JArray && token.Type != JTokenType.String)
                json.Problems.Add(token, $"source.{key}", "must be a comma-separated string or an array of field names");
        return new SourceDefinition
        {
            Table = NonEmpty(section, "table", json) ?? defaults.Table,
            LineTable = NonEmpty(section, "lineTable", json) ?? defaults.LineTable,
            Query = json.String(section, "query", "source") ?? defaults.Query,
            PageSize = json.Int(section, "pageSize", "source", 1, 10_000) ?? defaults.PageSize,
            CpoIdField = NonEmpty(section, "cpoIdField", json) ?? defaults.CpoIdField,
            StatusField = NonEmpty(section, "statusField", json) ?? defaults.StatusField,
            CompletedStatuses = json.StringList(section, "completedStatuses", "source") ?? defaults.CompletedStatuses,
            OrderStatusField = NonEmpty(section, "orderStatusField", json) ?? defaults.OrderStatusField,
            TerminalStatuses = json.StringList(section, "terminalStatuses", "source") ?? defaults.TerminalStatuses,
            LineNumberField = NonEmpty(section, "lineNumberField", json) ?? defaults.LineNumberField,
            Raw = section,
        };
    }

    static string? NonEmpty(JObject section, string key, JsonReading json)
    {
        var value = json.String(section, key, "source");
        if (value is { Length: 0 })
        {
            json.Problems.Add(section[key], $"source.{key}", "must not be empty (leave the key out to use the default)");
            return null;
        }
        return value;
    }
}
