using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Core.Binding;

/// <summary>
/// The one way a section of the pipeline file becomes a typed options object: every public settable property of
/// <typeparamref name="T"/> is a key (camelCase), read with strict types (a number in quotes is not a number, a string
/// is not a list), unknown keys are reported with the nearest known one, then DataAnnotations (<c>[Range]</c>,
/// <c>[Required]</c>) and <see cref="IValidatableObject"/> (cross-field checks) run on the bound object. Every problem
/// is reported at the offending value with its JSON path and what is allowed; a bad value keeps the documented
/// default only so that the remaining checks can run, the result is never used when a problem was reported.
/// </summary>
/// <remarks>
/// Supported property types: string, int, long, double, bool, <see cref="TimeSpan"/> (<c>"hh:mm:ss"</c> or
/// <c>"d.hh:mm:ss"</c>), their nullable forms (null = not given), <c>List&lt;string&gt;</c>, <see cref="JObject"/> and
/// <see cref="JArray"/> (a nested section bound by its owner), and <c>Dictionary&lt;string, T&gt;</c> of any of these
/// (each entry checked and located on its own; <see cref="ScalarsAsTextAttribute"/> for settings). Cross-field checks
/// run even when another key is wrong; a check that names a key with a wrong type is not reported. Adding a key to a section is adding a property with a documented
/// default (and an attribute for its range) to the section's options class.
/// </remarks>
public static class OptionsBinder
{
    /// <param name="section">The section as written (null when absent: every default applies).</param>
    /// <param name="path">The section's JSON path, e.g. <c>connections.servicenow</c> or <c>stages[1].args</c>.</param>
    /// <param name="report">Receives (token, path of the key, message) for every problem.</param>
    /// <param name="overrides">Values that win over the file (environment variables), by key; with their source name.</param>
    /// <param name="handledElsewhere">Keys that are not options but are reported by someone else (not "unknown").</param>
    public static T Bind<T>(JObject? section, string path, Action<JToken?, string, string> report,
        Func<string, (string Value, string From)?>? overrides = null, Func<string, bool>? handledElsewhere = null) where T : class, new()
    {
        var options = new T();
        var properties = Properties(typeof(T));
        var known = properties.Keys.ToList();
        foreach (var property in section?.Properties() ?? [])
        {
            if (properties.ContainsKey(property.Name) || handledElsewhere?.Invoke(property.Name) == true)
                continue;
            var hint = Suggest.Closest(known, property.Name) is { } closest ? $" (did you mean '{closest}'?)" : "";
            report(property, Join(path, property.Name), known.Count == 0
                ? "is not recognised: this section takes no keys; remove it"
                : $"is not recognised{hint}; known: {string.Join(", ", known)}");
        }

        var bad = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, info) in properties)
        {
            var keyPath = Join(path, key);
            if (overrides?.Invoke(key) is { } fromOutside)
            {
                if (ValueReader.FromText(info.PropertyType, fromOutside.Value, out var parsed, out var expected))
                    info.SetValue(options, parsed);
                else
                {
                    report(section?[key] ?? section, keyPath, $"the value of {fromOutside.From} must be {expected}, not \"{fromOutside.Value}\"");
                    bad.Add(key);
                }
                continue;
            }
            if (section?[key] is not { } token)
                continue;
            if (DictionaryValueType(info.PropertyType) is { } valueType)
            {
                if (token is JObject entries)
                    info.SetValue(options, Entries(entries, keyPath, key, valueType, info.IsDefined(typeof(ScalarsAsTextAttribute)), report, bad));
                else
                {
                    report(token, keyPath, $"must be an object {{ \"name\": value, ... }}, not {ValueReader.Describe(token)}");
                    bad.Add(key);
                }
                continue;
            }
            if (ValueReader.FromToken(info.PropertyType, token, out var value, out var allowed))
                info.SetValue(options, value);
            else
            {
                report(token, keyPath, $"must be {allowed}, not {ValueReader.Describe(token)}");
                bad.Add(key);
            }
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var checkedKeys = results.SelectMany(r => r.MemberNames).Select(Camel).ToHashSet(StringComparer.Ordinal);
        if (options is IValidatableObject validatable)
            results.AddRange(validatable.Validate(new ValidationContext(options))
                .Where(r => !r.MemberNames.Select(Camel).Any(m => bad.Contains(m) || checkedKeys.Contains(m))));
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var key = member is null ? null : Camel(member);
            if (key is not null && bad.Contains(key))
                continue; // the wrong type is already reported; the default it kept says nothing
            var token = key is null ? section : key.Contains('.') ? section?.SelectToken(key) ?? section : (JToken?)section?.Property(key) ?? section;
            report(token, key is null ? path : Join(path, key), Message(result.ErrorMessage ?? "is not valid", member));
        }
        return options;
    }

    static object Entries(JObject entries, string path, string key, Type valueType, bool scalarsAsText, Action<JToken?, string, string> report, HashSet<string> bad)
    {
        var result = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var entry in entries.Properties())
        {
            var entryPath = Join(path, entry.Name);
            if (scalarsAsText && valueType == typeof(string))
            {
                if (ValueReader.ScalarText(entry.Value, out var text))
                    result[entry.Name] = text;
                else
                    Bad(entry, entryPath, $"must be a string, number or boolean, not {ValueReader.Describe(entry.Value)}");
            }
            else if (ValueReader.FromToken(valueType, entry.Value, out var value, out var allowed))
                result[entry.Name] = value;
            else
                Bad(entry, entryPath, $"must be {allowed}, not {ValueReader.Describe(entry.Value)}");
        }
        return result;

        void Bad(JProperty entry, string entryPath, string message)
        {
            report(entry.Value, entryPath, message);
            bad.Add($"{key}.{entry.Name}");
        }
    }

    static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    /// <summary>The keys of <paramref name="type"/>, camelCase, in declaration order.</summary>
    public static IReadOnlyList<string> KeysOf(Type type) => [.. Properties(type).Keys];

    static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => Camel(p.Name), StringComparer.Ordinal);

    static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    internal static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // DataAnnotations says "The field X must be ..." or "The X field is required."; the path already names X.
    static string Message(string message, string? member)
    {
        if (member is not null)
        {
            message = message.Replace($"The field {member} ", "", StringComparison.Ordinal)
                .Replace($"The {member} field ", "", StringComparison.Ordinal);
        }
        return message.TrimEnd('.');
    }
}
