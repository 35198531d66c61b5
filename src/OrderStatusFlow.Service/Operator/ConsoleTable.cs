using Microsoft.AspNetCore.Http;

namespace OrderStatusFlow.Service.Operator;

/// <summary>One list of a page: rendered as an HTML table, or as the CSV export of the same rows.</summary>
sealed class ConsoleTable(string name, params string[] headers)
{
    readonly List<string?[]> _rows = [];
    readonly Dictionary<int, Func<string?[], string>> _links = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Headers { get; } = headers;

    public int Count => _rows.Count;

    public void Add(params string?[] row) => _rows.Add(row);

    /// <summary>Cells of <paramref name="column"/> link to the URL built from their row.</summary>
    public ConsoleTable LinkColumn(int column, Func<string?[], string> href)
    {
        _links[column] = href;
        return this;
    }

    public IResult Csv(string fileName) =>
        new CsvResult(Results.Text(Operator.Csv.Write(Headers, _rows), "text/csv; charset=utf-8", System.Text.Encoding.UTF8), fileName);

    public void Render(Html html, string emptyText)
    {
        if (_rows.Count == 0)
        {
            html.Raw("<p class=\"empty\">").Text(emptyText).Raw("</p>");
            return;
        }
        html.Raw($"<table class=\"list\" data-list=\"{Html.Encode(Name)}\">").Header([.. Headers]).Raw("<tbody>");
        foreach (var row in _rows)
        {
            html.Raw("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Raw("<td>");
                if (_links.TryGetValue(i, out var href) && !string.IsNullOrEmpty(row[i]))
                    html.Link(href(row), row[i]);
                else
                    html.Text(row[i]);
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    sealed class CsvResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
