using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Reads a pipeline file (JSON with comments) keeping every value's line and column, expands <c>${ENV_VAR}</c> in
/// string values, and hands the tree to <see cref="PipelineValidator"/>. An unset variable becomes the empty string;
/// validation then names the variable to set.
/// </summary>
public sealed partial class PipelineDefinitionLoader
{
    static readonly JsonLoadSettings LoadSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    readonly PipelineValidator _validator;
    readonly Func<string, string?> _environment;

    /// <param name="registry">The stage types the definition may use.</param>
    /// <param name="environment">Looks up environment variables; defaults to the process environment.</param>
    /// <param name="checkConnectionValues">False for <c>lint</c>: see <see cref="StageContext.CheckConnectionValues"/>.</param>
    public PipelineDefinitionLoader(StageRegistry registry, Func<string, string?>? environment = null, bool checkConnectionValues = true)
    {
        _validator = new PipelineValidator(registry) { CheckConnectionValues = checkConnectionValues };
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>Loads and validates; throws <see cref="PipelineValidationException"/> listing every problem.</summary>
    public PipelineDefinition Load(string path, string rulesFolder = "rules")
    {
        var result = TryLoad(path, rulesFolder);
        return result.Definition ?? throw new PipelineValidationException(result.Problems);
    }

    /// <summary>Loads and validates a file; never throws for a bad file (for <c>lint</c> and reloads).</summary>
    public PipelineValidationResult TryLoad(string path, string rulesFolder = "rules")
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PipelineValidationResult.Failed(ReadProblem(path, ex));
        }
        return TryParse(text, path, rulesFolder);
    }

    /// <summary>What to tell the user when the pipeline file cannot be read.</summary>
    internal static PipelineProblem ReadProblem(string path, Exception ex) => new(path, 0, 0, "",
        ex is FileNotFoundException or DirectoryNotFoundException
            ? "the pipeline file does not exist; pass --pipeline FILE or set OSF_PIPELINE"
            : $"the pipeline file cannot be read ({ex.Message}); check its permissions");

    /// <summary>Parses and validates JSON text; <paramref name="displayPath"/> names the file in problems.</summary>
    public PipelineValidationResult TryParse(string json, string displayPath, string rulesFolder = "rules")
    {
        var parsed = Parse(json, displayPath);
        return parsed.Document is null
            ? PipelineValidationResult.Failed(parsed.Problem!)
            : _validator.Validate(parsed.Document, rulesFolder);
    }

    /// <summary>Parses JSON text and expands variables, without validating. A syntax error comes back as a problem.</summary>
    public (PipelineDocument? Document, PipelineProblem? Problem) Parse(string json, string displayPath)
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException("unexpected content after the end of the JSON object.", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }
        catch (JsonReaderException ex)
        {
            return (null, new PipelineProblem(displayPath, ex.LineNumber, ex.LinePosition, "", "invalid JSON: " + TrimPosition(ex.Message)));
        }
        if (root is not JObject obj)
            return (null, new PipelineProblem(displayPath, 1, 1, "", $"the pipeline file must be a JSON object {{ \"name\": ..., \"stages\": [...] }}, not {root.Type}"));

        var starts = TokenStarts.Compute(obj);
        var unset = new Dictionary<JToken, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var value in obj.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            Expand(value, unset);
        return (new PipelineDocument(displayPath, obj, unset, starts), null);
    }

    void Expand(JValue value, Dictionary<JToken, IReadOnlyList<string>> unset)
    {
        var text = (string)value.Value!;
        if (!text.Contains("${", StringComparison.Ordinal))
            return;
        var missing = new List<string>();
        var expanded = Variable().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var found = _environment(name);
            if (string.IsNullOrEmpty(found))
                missing.Add(name);
            return found ?? "";
        });
        value.Value = expanded;
        if (missing.Count > 0)
            unset[value] = missing;
    }

    // Newtonsoft appends "Path 'x', line 3, position 7." to its messages; the position is reported separately.
    static string TrimPosition(string message) => PositionSuffix().Replace(message, "").TrimEnd('.', ' ').Trim();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\s*(Path '[^']*',\s*)?line \d+, position \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}
