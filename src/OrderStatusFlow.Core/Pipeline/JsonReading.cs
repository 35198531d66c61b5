using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>Typed reads of optional JSON values that report a located problem instead of throwing.</summary>
internal sealed class JsonReading
{
    public JsonReading(PipelineProblems problems) => Problems = problems;

    public PipelineProblems Problems { get; }

    static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public void UnknownKeys(JObject obj, string path, IReadOnlyList<string> known, string? label = null)
    {
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            var hint = Binding.Suggest.Closest(known, property.Name, 3) is { } closest ? $" (did you mean '{closest}'?)" : "";
            Problems.Add(property, label ?? (path.Length == 0 ? property.Name : path),
                $"field '{property.Name}' is not recognised{hint}; known: {string.Join(", ", known)}");
        }
    }

    public string? String(JObject obj, string key, string parent, bool required = false)
    {
        var token = obj[key];
        if (token is null)
        {
            if (required)
                Problems.Add(obj, Join(parent, key), "is missing");
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            Problems.Add(token, Join(parent, key), $"must be a string, not {Describe(token)}");
            return null;
        }
        return (string)token!;
    }

    public bool? Bool(JObject obj, string key, string parent)
    {
        var token = obj[key];
        if (token is null)
            return null;
        if (token.Type == JTokenType.Boolean)
            return (bool)token;
        Problems.Add(token, Join(parent, key), $"must be true or false (without quotes), not {Describe(token)}");
        return null;
    }

    public int? Int(JObject obj, string key, string parent, int min, int max, string? label = null, string? subject = null)
    {
        var token = obj[key];
        if (token is null)
            return null;
        if (token.Type == JTokenType.Integer && (long)token >= min && (long)token <= max)
            return (int)token;
        Report(token, Join(parent, key), label, subject ?? key, $"must be between {min} and {max}" + (token.Type == JTokenType.Integer ? "" : $" (a whole number, not {Describe(token)})"));
        return null;
    }

    /// <summary>A <c>hh:mm:ss</c> time span (optionally with fractional seconds) within the range.</summary>
    public TimeSpan? TimeSpan(JObject obj, string key, string parent, TimeSpan min, TimeSpan max, string? label = null, string? subject = null)
    {
        var token = obj[key];
        if (token is null)
            return null;
        if (token.Type == JTokenType.String
            && System.TimeSpan.TryParseExact((string)token!, [@"hh\:mm\:ss", @"hh\:mm\:ss\.FFF"], CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        Report(token, Join(parent, key), label, subject ?? key,
            $"must be a \"hh:mm:ss\" time span between {min:hh\\:mm\\:ss} and {max:hh\\:mm\\:ss}" + (max >= System.TimeSpan.FromDays(1) ? " (at most 23:59:59)" : "") + $", not {Describe(token)}");
        return null;
    }

    public JObject? Object(JObject obj, string key, string parent)
    {
        var token = obj[key];
        if (token is null or JObject)
            return token as JObject;
        Problems.Add(token, Join(parent, key), $"must be an object {{ ... }}, not {Describe(token)}");
        return null;
    }

    public IReadOnlyList<string>? StringList(JObject obj, string key, string parent)
    {
        var token = obj[key];
        if (token is null)
            return null;
        if (token is JArray array && array.All(t => t.Type == JTokenType.String))
            return array.Select(t => (string)t!).ToList();
        Problems.Add(token, Join(parent, key), "must be an array of strings, e.g. [\"received\", \"canceled\"]");
        return null;
    }

    // With a label (a stage's "stages[i] (type)") the subject goes into the message, as in "parallelism must be ...".
    void Report(JToken token, string path, string? label, string subject, string message)
    {
        if (label is null)
            Problems.Add(token, path, message);
        else
            Problems.Add(token, label, $"{subject} {message}");
    }

    static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"\"{(string)token!}\"",
        JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => token.ToString(),
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
