using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Service.Commands;

/// <summary>Where <c>settings.{name}</c> is in a pipeline file, as <c>file:line:col</c> (the file alone when not found).</summary>
static class SettingLocation
{
    public static string Of(string pipelinePath, string name)
    {
        try
        {
            var root = JToken.Parse(File.ReadAllText(pipelinePath), new JsonLoadSettings
            {
                CommentHandling = CommentHandling.Ignore, LineInfoHandling = LineInfoHandling.Load,
            });
            // The reader reports the column of a value's last character; the location is its first.
            if (root["settings"]?[name] is { } value && value is IJsonLineInfo info && info.HasLineInfo())
                return $"{pipelinePath}:{info.LineNumber}:{Math.Max(1, info.LinePosition - value.ToString(Formatting.None).Length + 1)}";
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            // The pipeline problems already say why the file cannot be read.
        }
        return pipelinePath;
    }
}
