using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// One <c>connections.{name}</c> section. Each key may have an environment variable that, when set, overrides the
/// value in the file, so the same pipeline file serves every environment. The connector projects name their keys
/// and variables; this class only applies them.
/// </summary>
public sealed class ConnectionSection
{
    readonly JObject? _section;
    readonly IReadOnlyDictionary<string, string> _variables;
    readonly Func<string, string?> _environment;

    public ConnectionSection(string name, StageContext context, IReadOnlyDictionary<string, string> variables, Func<string, string?>? environment = null)
    {
        Name = name;
        _section = context.Connection(name);
        _variables = variables;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public string Name { get; }

    /// <summary>The section as written (tokens keep their line info); an empty object when absent.</summary>
    public JObject Section => _section ?? new JObject();

    /// <summary>True when the file has no such section and none of its environment variables is set.</summary>
    public bool IsMissing => _section is null && _variables.Values.All(v => string.IsNullOrEmpty(_environment(v)));

    /// <summary>
    /// The environment variable of <paramref name="key"/>, when it has one and it is set. Secret values (passwords,
    /// client secrets, credentials embedded in a URL) are registered with <see cref="KnownSecrets"/> as they are read.
    /// </summary>
    public string? FromEnvironment(string key)
    {
        var value = _variables.TryGetValue(key, out var variable) && _environment(variable) is { Length: > 0 } found ? found : null;
        if (value is not null && (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Contains("secret", StringComparison.OrdinalIgnoreCase)))
            KnownSecrets.Register(new SecretRedactor(value));
        KnownSecrets.RegisterUrlCredentials(value);
        return value;
    }

    /// <summary>The variable names, for messages.</summary>
    public IReadOnlyCollection<string> VariableNames => [.. _variables.Values];
}
