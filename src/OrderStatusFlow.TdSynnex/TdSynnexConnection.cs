using OrderStatusFlow.Core.Binding;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.TdSynnex;

/// <summary>Binds <c>connections.tdsynnex</c> with the <c>OSF_TDSYNNEX_*</c> overrides.</summary>
public static class TdSynnexConnection
{
    /// <summary>The environment variable of each key; set, it wins over the file.</summary>
    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string>
    {
        ["url"] = "OSF_TDSYNNEX_URL",
        ["invoiceUrl"] = "OSF_TDSYNNEX_INVOICE_URL",
        ["user"] = "OSF_TDSYNNEX_USER",
        ["password"] = "OSF_TDSYNNEX_PASSWORD",
        ["customer"] = "OSF_TDSYNNEX_CUSTOMER",
    };

    /// <summary>Binds the section; problems go to <paramref name="problems"/> (null: ignore them).</summary>
    public static TdSynnexConnectionOptions Bind(StageContext context, StageProblems? problems)
    {
        var section = new ConnectionSection("tdsynnex", context, Variables);
        if (problems is not null && section.IsMissing)
            problems.At(null, "connections.tdsynnex", $"the section is missing: add it (see pipelines/order-status.json) or set {string.Join(", ", section.VariableNames)}");
        var options = OptionsBinder.Bind<TdSynnexConnectionOptions>(context.Connection("tdsynnex"), "connections.tdsynnex",
            (token, path, message) => problems?.At(token, path, message),
            key => section.FromEnvironment(key) is { } value ? (value, Variables[key]) : null);
        if (problems is not null && context.CheckConnectionValues && !section.IsMissing)
            foreach (var (key, message) in options.MissingValues())
                problems.At(section.Section[key] ?? section.Section, $"connections.tdsynnex.{key}", message);
        return options;
    }
}
