using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// Builds the console's HTML. Every value goes through <see cref="Text"/> (HTML-encoded), so a PO number or error
/// text holding markup shows as text; only the fixed markup of the pages is written raw.
/// </summary>
sealed class Html
{
    readonly StringBuilder _sb = new();

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string Url(string? value) => UrlEncoder.Default.Encode(value ?? "");

    public static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Fixed markup written by the console itself.</summary>
    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>A value from the log, ServiceNow, TD SYNNEX or a rule: encoded.</summary>
    public Html Text(string? value)
    {
        _sb.Append(Encode(value));
        return this;
    }

    public Html Cell(string? value) => Raw("<td>").Text(value).Raw("</td>");

    public Html Row(params string?[] values)
    {
        Raw("<tr>");
        foreach (var value in values)
            Cell(value);
        return Raw("</tr>");
    }

    public Html Header(params string[] names)
    {
        Raw("<thead><tr>");
        foreach (var name in names)
            Raw("<th>").Text(name).Raw("</th>");
        return Raw("</tr></thead>");
    }

    /// <summary>A link whose href is built from fixed text and URL-encoded values.</summary>
    public Html Link(string href, string? label) => Raw("<a href=\"").Raw(Encode(href)).Raw("\">").Text(label).Raw("</a>");

    public override string ToString() => _sb.ToString();
}
