using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Service.Composition;

/// <summary>
/// Reads one <c>connections.{name}</c> section. Each key has an environment variable (contract §3) that, when set,
/// overrides the value in the file, so the same pipeline file serves every environment.
/// </summary>
sealed class ConnectionSection
{
    readonly JObject? _section;
    readonly IReadOnlyDictionary<string, string> _variables;
    readonly Func<string, string?> _environment;

    ConnectionSection(string name, JObject? section, IReadOnlyDictionary<string, string> variables, Func<string, string?> environment)
    {
        Name = name;
        _section = section;
        _variables = variables;
        _environment = environment;
    }

    public string Name { get; }

    public static readonly IReadOnlyDictionary<string, string> ServiceNowVariables = new Dictionary<string, string>
    {
        ["url"] = "OSF_SERVICENOW_URL",
        ["user"] = "OSF_SERVICENOW_USER",
        ["password"] = "OSF_SERVICENOW_PASSWORD",
        ["clientId"] = "OSF_SERVICENOW_CLIENT_ID",
        ["clientSecret"] = "OSF_SERVICENOW_CLIENT_SECRET",
    };

    public static readonly IReadOnlyDictionary<string, string> TdSynnexVariables = new Dictionary<string, string>
    {
        ["url"] = "OSF_TDSYNNEX_URL",
        ["invoiceUrl"] = "OSF_TDSYNNEX_INVOICE_URL",
        ["user"] = "OSF_TDSYNNEX_USER",
        ["password"] = "OSF_TDSYNNEX_PASSWORD",
        ["customer"] = "OSF_TDSYNNEX_CUSTOMER",
    };

    /// <summary>
    /// Removes every connection variable from this process, so a pipeline file with literal endpoints (the bench's,
    /// the tests') cannot be redirected to a real instance by variables left over in the shell.
    /// </summary>
    public static void ClearEnvironment()
    {
        foreach (var name in ServiceNowVariables.Values.Concat(TdSynnexVariables.Values))
            Environment.SetEnvironmentVariable(name, null);
    }

    public static ConnectionSection ServiceNow(StageContext context) =>
        new("servicenow", context.Connection("servicenow"), ServiceNowVariables, Environment.GetEnvironmentVariable);

    public static ConnectionSection TdSynnex(StageContext context) =>
        new("tdsynnex", context.Connection("tdsynnex"), TdSynnexVariables, Environment.GetEnvironmentVariable);

    /// <summary>The environment variable when set, else the file's value, else "".</summary>
    /// <remarks>Secret values (and credentials embedded in a URL) are registered with <see cref="KnownSecrets"/> as they are read.</remarks>
    public string Get(string key)
    {
        var value = _variables.TryGetValue(key, out var variable) && _environment(variable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : _section?[key]?.Type == JTokenType.String ? (string?)_section[key] ?? "" : _section?[key]?.ToString() ?? "";
        if (SecretKeys.Contains(key))
            KnownSecrets.Register(new SecretRedactor(value));
        else if (UrlText.HasCredentials(value))
            KnownSecrets.Register(new SecretRedactor(UrlCredentials(value)));
        return value;
    }

    static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase) { "password", "clientSecret" };

    // user:password@ of a URL: both parts, unescaped and as written.
    static string?[] UrlCredentials(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var userInfo = url[start..url.IndexOf('@', start)];
        var parts = userInfo.Split(':', 2);
        return [.. parts, .. parts.Select(Uri.UnescapeDataString), userInfo];
    }

    /// <summary>Where a problem with <paramref name="key"/> is reported: the value, else the section.</summary>
    public JToken? TokenFor(string? key) => key is not null && _section?[key] is { } token ? token : _section;

    /// <summary>
    /// Reports unknown keys and each problem the options found (messages start with the key name). Without
    /// <paramref name="checkValues"/>, empty values (an unset <c>${VAR}</c>) are not reported.
    /// </summary>
    public void Report(StageProblems problems, IEnumerable<string> optionProblems, IReadOnlyCollection<string> knownKeys, bool checkValues)
    {
        if (!checkValues)
            optionProblems = optionProblems.Where(p => !p.Contains(" is empty", StringComparison.Ordinal));
        if (_section is null && _variables.Values.All(v => string.IsNullOrEmpty(_environment(v))))
        {
            problems.At(null, $"connections.{Name}", $"the section is missing: add it (see pipelines/order-status.json) or set {string.Join(", ", _variables.Values)}");
            return;
        }
        foreach (var property in _section?.Properties() ?? [])
            if (!knownKeys.Contains(property.Name))
                problems.At(property, $"connections.{Name}.{property.Name}", $"is not recognised; known: {string.Join(", ", knownKeys)}");
        foreach (var message in optionProblems)
        {
            var key = knownKeys.FirstOrDefault(k => message.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase));
            problems.At(TokenFor(key), $"connections.{Name}{(key is null ? "" : "." + key)}", message);
        }
    }
}
