using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Binding;

/// <summary>Strict conversions from a JSON value (or an environment variable's text) to a property type.</summary>
internal static class ValueReader
{
    static readonly string[] SpanFormats = [@"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"d\.hh\:mm\:ss", @"d\.hh\:mm\:ss\.FFFFFFF"];

    public static bool FromToken(Type type, JToken token, out object? value, out string allowed)
    {
        value = null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        allowed = Allowed(type);
        switch (token.Type)
        {
            case JTokenType.Object when type == typeof(JObject):
                value = token;
                return true;
            case JTokenType.Array when type == typeof(JArray):
                value = token;
                return true;
            case JTokenType.String when type == typeof(string):
                value = (string)token!;
                return true;
            case JTokenType.String when type == typeof(TimeSpan):
                return FromText(type, (string)token!, out value, out allowed);
            case JTokenType.Integer when type == typeof(int):
                var big = (long)token;
                if (big is < int.MinValue or > int.MaxValue)
                    return false;
                value = (int)big;
                return true;
            case JTokenType.Integer when type == typeof(long):
                value = (long)token;
                return true;
            case JTokenType.Integer or JTokenType.Float when type == typeof(double):
                value = (double)token;
                return true;
            case JTokenType.Boolean when type == typeof(bool):
                value = (bool)token;
                return true;
            case JTokenType.Array when type == typeof(List<string>):
                if (!token.All(t => t.Type == JTokenType.String))
                    return false;
                value = token.Select(t => (string)t!).ToList();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Text from outside the file (an environment variable), converted to the property's type.</summary>
    public static bool FromText(Type type, string text, out object? value, out string allowed)
    {
        value = null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        allowed = Allowed(type);
        if (type == typeof(string))
            value = text;
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            value = i;
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            value = l;
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            value = d;
        else if (type == typeof(bool) && text is "true" or "false")
            value = text == "true";
        else if (type == typeof(TimeSpan) && TimeSpan.TryParseExact(text, SpanFormats, CultureInfo.InvariantCulture, out var span))
            value = span;
        else if (type == typeof(List<string>))
            value = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return value is not null;
    }

    /// <summary>A string, number or boolean as text (how rules see settings); false for anything else.</summary>
    public static bool ScalarText(JToken token, out string text)
    {
        text = token switch
        {
            JValue { Type: JTokenType.Boolean } b => (bool)b ? "true" : "false",
            JValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float } v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "",
            _ => null!,
        };
        return text is not null;
    }

    static string Allowed(Type type) =>
        type == typeof(string) ? "a string"
        : type == typeof(int) || type == typeof(long) ? "a whole number (without quotes)"
        : type == typeof(double) ? "a number (without quotes)"
        : type == typeof(bool) ? "true or false (without quotes)"
        : type == typeof(TimeSpan) ? "a time span \"hh:mm:ss\" or \"d.hh:mm:ss\""
        : type == typeof(List<string>) ? "an array of strings, e.g. [\"a\", \"b\"]"
        : type == typeof(JObject) ? "an object { ... }"
        : type == typeof(JArray) ? "an array [ ... ]"
        : $"a {type.Name} (this type cannot be bound; this is a bug in the options class)";

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"\"{(string)token!}\"",
        JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => token.ToString(),
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
