using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.Rules.Scripting;

/// <summary>
/// What a <c>rules/*.csx</c> script sees as globals: the PO (<see cref="Po"/>), the interpreted TD SYNNEX status
/// (<see cref="Tds"/>), the pipeline settings, and the actions that fill the <see cref="RuleOutcome"/>.
/// One instance per PO evaluation, shared by every script of the set in file-name order.
/// </summary>
public sealed class RuleGlobals
{
    readonly RuleOutcome _outcome;

    public RuleGlobals(RuleContext context, RuleOutcome outcome)
    {
        _outcome = outcome;
        Tds = context.Status;
        Settings = context.Settings;
        Now = context.Now;
        Po = new RulePo(context.Po, context.Status, outcome);
    }

    /// <summary>The ServiceNow PO with its current field values and lines.</summary>
    public RulePo Po { get; }

    /// <summary>The interpreted TD SYNNEX status of the PO.</summary>
    public OrderStatus Tds { get; }

    /// <summary>The pipeline's <c>settings</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The setting <paramref name="name"/>, or <paramref name="defaultValue"/> when absent or blank.</summary>
    public string Setting(string name, string defaultValue = "") =>
        Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : defaultValue;

    /// <summary>
    /// The setting <paramref name="name"/>, which must be one of <paramref name="allowed"/> (any case; returned as
    /// declared), or <paramref name="defaultValue"/> when absent or blank. Written with string literals, the call is
    /// also a declaration: lint and every rules load refuse a pipeline whose value is not in the list.
    /// </summary>
    public string Setting(string name, string defaultValue, params string[] allowed)
    {
        var value = Setting(name, defaultValue);
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"settings.{name} is '{value}'; the rules accept: {string.Join(", ", allowed)}");
    }

    /// <summary>Sets a PO field (later rules override earlier ones). A line field: <c>line.Set(field, value)</c>.</summary>
    public void Set(string field, string? value) => _outcome.SetPo(RequireField(field), value);

    public void Set(string field, int value) => Set(field, RuleText.Number(value));

    /// <summary>Appends <paramref name="text"/> as one line of a PO memo field unless that line is already there.</summary>
    public void AppendNote(string field, string text) => _outcome.AppendNote(RequireField(field), text ?? "");

    /// <summary>Nothing is written for this PO; the reason goes to the activity log.</summary>
    public void Skip(string reason) => _outcome.Skip(reason);

    /// <summary>The time of this evaluation (UTC), from the pipeline's clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// Asks TD SYNNEX about this PO again after <paramref name="delay"/> (from <see cref="Now"/>). When several rules
    /// ask, the earliest request wins. Without any request the PO is checked every pipeline interval.
    /// </summary>
    public void CheckAgainIn(TimeSpan delay) => _outcome.CheckAgainAt(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay));

    /// <summary>Asks TD SYNNEX about this PO again at <paramref name="at"/>; the earliest request of the set wins.</summary>
    public void CheckAgainAt(DateTimeOffset at) => _outcome.CheckAgainAt(at < Now ? Now : at);

    /// <summary>
    /// The date in <paramref name="text"/> (<c>YYYY-MM-DD</c>, or TD SYNNEX's <c>MM-DD-YYYY</c>) as midnight UTC, or null
    /// when blank or not a date.
    /// </summary>
    public DateTimeOffset? ToDate(string? text) => RuleText.Date(text);

    /// <summary>The values comma-joined without spaces: trimmed, blanks dropped, distinct, in order of first appearance.</summary>
    public string Join(IEnumerable<string?>? values) => RuleText.Join(values);

    /// <summary>The integer in <paramref name="text"/> (e.g. <c>line["ordered_quantity"]</c>), or <paramref name="fallback"/> when blank or not a number.</summary>
    public int ToInt(string? text, int fallback = 0) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    internal static string RequireField(string field) =>
        string.IsNullOrWhiteSpace(field)
            ? throw new ArgumentException("The field name is empty: pass the ServiceNow column name, e.g. \"u_tds_order_status\".", nameof(field))
            : field;
}
