using OrderStatusFlow.Core.Binding;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.ServiceNow.OpenOrders;

namespace OrderStatusFlow.ServiceNow;

/// <summary>
/// Binds <c>connections.servicenow</c> (with the <c>OSF_SERVICENOW_*</c> overrides) and, with the source stage's args,
/// builds the <see cref="ServiceNowOptions"/> both ServiceNow stages use.
/// </summary>
public static class ServiceNowConnection
{
    /// <summary>The environment variable of each key; set, it wins over the file.</summary>
    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string>
    {
        ["url"] = "OSF_SERVICENOW_URL",
        ["user"] = "OSF_SERVICENOW_USER",
        ["password"] = "OSF_SERVICENOW_PASSWORD",
        ["clientId"] = "OSF_SERVICENOW_CLIENT_ID",
        ["clientSecret"] = "OSF_SERVICENOW_CLIENT_SECRET",
    };

    /// <summary>Binds and checks the section; problems go to <paramref name="problems"/> (null: ignore them).</summary>
    public static ServiceNowConnectionOptions Bind(StageContext context, StageProblems? problems)
    {
        var section = new ConnectionSection("servicenow", context, Variables);
        if (problems is not null && section.IsMissing)
            problems.At(null, "connections.servicenow", $"the section is missing: add it (see pipelines/order-status.json) or set {string.Join(", ", section.VariableNames)}");
        var options = OptionsBinder.Bind<ServiceNowConnectionOptions>(context.Connection("servicenow"), "connections.servicenow",
            (token, path, message) => problems?.At(token, path, message),
            key => section.FromEnvironment(key) is { } value ? (value, Variables[key]) : null);
        if (problems is not null && context.CheckConnectionValues && !section.IsMissing)
            foreach (var (key, message) in options.MissingValues())
                problems.At(section.Section[key] ?? section.Section, $"connections.servicenow.{key}", message);
        return options;
    }

    /// <summary>The client options of a validated definition: connection plus the source stage's tables and fields.</summary>
    public static ServiceNowOptions Options(StageContext context)
    {
        var connection = Bind(context, null);
        var source = OpenOrdersOptions.Of(context);
        return new ServiceNowOptions
        {
            Url = connection.Url,
            User = NullIfEmpty(connection.User),
            Password = NullIfEmpty(connection.Password),
            ClientId = NullIfEmpty(connection.ClientId),
            ClientSecret = NullIfEmpty(connection.ClientSecret),
            RequestTimeout = connection.RequestTimeout,
            MaxAttempts = connection.MaxAttempts,
            RetryBaseDelay = connection.RetryBaseDelay,
            RetryMaxDelay = connection.RetryMaxDelay,
            Table = source.Table,
            LineTable = source.LineTable,
            Query = source.Query,
            PageSize = source.PageSize,
            PoFields = [.. source.Fields],
            LineFields = [.. source.LineFields],
            LineNumberField = source.LineNumberField,
        };
    }

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
