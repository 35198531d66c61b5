using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// A stage factory whose <c>args</c> bind to <typeparamref name="TOptions"/> (a plain class with documented defaults).
/// Validation reports unknown members (with the known ones), values of the wrong type, DataAnnotations attributes and
/// <see cref="IValidatableObject.Validate"/> on the options, each at the location of the offending value.
/// </summary>
public abstract partial class StageFactory<TOptions> : IStageFactory where TOptions : class, new()
{
    static readonly JsonSerializer Strict = JsonSerializer.Create(new JsonSerializerSettings
    {
        MissingMemberHandling = MissingMemberHandling.Error,
        DateParseHandling = DateParseHandling.None,
    });

    public abstract string Type { get; }

    public abstract StageRole Role { get; }

    public abstract string Description { get; }

    public void Validate(JObject args, StageContext context, StageProblems problems)
    {
        var contract = (JsonObjectContract)Strict.ContractResolver.ResolveContract(typeof(TOptions));
        var known = contract.Properties.Where(p => p.Writable && !p.Ignored).Select(p => p.PropertyName!).ToList();
        var clean = new JObject();
        foreach (var property in args.Properties())
        {
            if (contract.Properties.GetClosestMatchProperty(property.Name) is { Writable: true, Ignored: false })
                clean.Add(property.Name, property.Value.DeepClone());
            else
                problems.Add(property, $"args.{property.Name} is not recognised; known: {(known.Count == 0 ? "(none: remove args)" : string.Join(", ", known.Select(Camel)))}");
        }

        var bindErrors = new List<(string Path, string Message)>();
        var serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            Error = (_, e) =>
            {
                if (e.CurrentObject == e.ErrorContext.OriginalObject)
                    bindErrors.Add((e.ErrorContext.Path ?? "", e.ErrorContext.Error.Message));
                e.ErrorContext.Handled = true;
            },
        });
        var options = clean.ToObject<TOptions>(serializer) ?? new TOptions();
        foreach (var (path, message) in bindErrors)
            problems.Add(args.SelectToken(path) ?? args, $"args.{path} has the wrong type or format: {FirstSentence(message)}");
        if (bindErrors.Count > 0)
            return;

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var message = result.ErrorMessage ?? "is not valid";
            if (member is null)
            {
                problems.Add(args, "args: " + message);
                continue;
            }
            var name = contract.Properties.FirstOrDefault(p => p.UnderlyingName == member)?.PropertyName ?? member;
            problems.Add(FindProperty(args, name) ?? (JToken)args, $"args.{Camel(name)} {StripFieldName(message, member)}");
        }

        Validate(options, context, problems);
    }

    public object Create(JObject args, StageContext context) => Create(Bind(args), context);

    /// <summary>Binds <paramref name="args"/> to the options (call only on validated args).</summary>
    public static TOptions Bind(JObject args) => args.ToObject<TOptions>(Strict) ?? new TOptions();

    /// <summary>Checks that need more than the args, e.g. the connection section the stage uses.</summary>
    protected virtual void Validate(TOptions options, StageContext context, StageProblems problems)
    {
    }

    protected abstract object Create(TOptions options, StageContext context);

    static JProperty? FindProperty(JObject args, string name) =>
        args.Properties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    static string FirstSentence(string message) => message.Split(". Path", 2)[0].TrimEnd('.');

    // DataAnnotations says "The field X must be ..." or "The X field is required."; the location already names X.
    static string StripFieldName(string message, string member)
    {
        var stripped = FieldPrefix().Replace(message, m => m.Groups[1].Value == member || m.Groups[2].Value == member ? m.Groups[3].Value : m.Value);
        return stripped.TrimEnd('.');
    }

    [GeneratedRegex(@"^The (?:field (\w+) |(\w+) field )(.*)$")]
    private static partial Regex FieldPrefix();
}
