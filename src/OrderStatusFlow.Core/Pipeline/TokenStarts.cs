using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Newtonsoft's line info points at the END of a value or property name; problems read better at its start. Computed
/// from the token's text before variables are expanded (a string with escapes may be off by the escapes).
/// </summary>
internal static class TokenStarts
{
    public static Dictionary<JToken, (int Line, int Column)> Compute(JObject root)
    {
        var starts = new Dictionary<JToken, (int, int)>(ReferenceEqualityComparer.Instance);
        foreach (var token in root.DescendantsAndSelf())
        {
            if (token is not IJsonLineInfo info || !info.HasLineInfo())
                continue;
            var width = token switch
            {
                JProperty p => p.Name.Length + 2,
                JValue { Type: JTokenType.String } v => ((string)v!).Length + 2,
                JValue { Type: JTokenType.Integer or JTokenType.Float } v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!.Length,
                JValue { Type: JTokenType.Boolean } v => (bool)v ? 4 : 5,
                JValue { Type: JTokenType.Null } => 4,
                _ => 1,
            };
            // A property's recorded position is one past its closing quote; a value's is its last character.
            var end = token is JProperty ? info.LinePosition - 1 : info.LinePosition;
            starts[token] = (info.LineNumber, Math.Max(1, end - width + 1));
        }
        return starts;
    }
}
