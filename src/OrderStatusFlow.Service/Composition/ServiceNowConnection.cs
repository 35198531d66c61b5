using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Service.Composition;

/// <summary>Builds <see cref="ServiceNowOptions"/> from <c>connections.servicenow</c>, the <c>source</c> section and the environment.</summary>
static class ServiceNowConnection
{
    public static readonly IReadOnlyCollection<string> KnownKeys =
        ["url", "user", "password", "clientId", "clientSecret", "requestTimeout", "maxAttempts", "retryBaseDelay", "retryMaxDelay"];

    public static ServiceNowOptions Options(StageContext context)
    {
        var section = ConnectionSection.ServiceNow(context);
        var source = context.Source;
        var options = new ServiceNowOptions
        {
            Url = section.Get("url"),
            User = NullIfEmpty(section.Get("user")),
            Password = NullIfEmpty(section.Get("password")),
            ClientId = NullIfEmpty(section.Get("clientId")),
            ClientSecret = NullIfEmpty(section.Get("clientSecret")),
            Table = source.Table,
            LineTable = source.LineTable,
            Query = source.Query,
            PageSize = source.PageSize,
            CpoIdField = source.CpoIdField,
            StatusField = source.StatusField,
            CompletedStatuses = [.. source.CompletedStatuses],
            OrderStatusField = source.OrderStatusField,
            TerminalOrderStatuses = [.. source.TerminalStatuses],
        };
        if (source.Raw["fields"] is Newtonsoft.Json.Linq.JArray fields)
            options.PoFields = fields.Select(f => (string)f!).ToList();
        if (source.Raw["lineFields"] is Newtonsoft.Json.Linq.JArray lineFields)
            options.LineFields = lineFields.Select(f => (string)f!).ToList();
        if (TimeSpanOf(section.Get("requestTimeout")) is { } timeout)
            options.RequestTimeout = timeout;
        if (int.TryParse(section.Get("maxAttempts"), out var attempts))
            options.MaxAttempts = attempts;
        if (TimeSpanOf(section.Get("retryBaseDelay")) is { } baseDelay)
            options.RetryBaseDelay = baseDelay;
        if (TimeSpanOf(section.Get("retryMaxDelay")) is { } maxDelay)
            options.RetryMaxDelay = maxDelay;
        return options;
    }

    public static void Validate(StageContext context, StageProblems problems, bool checkValues) =>
        ConnectionSection.ServiceNow(context).Report(problems, Options(context).Validate(), KnownKeys, checkValues);

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    static TimeSpan? TimeSpanOf(string value) =>
        TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : null;
}
