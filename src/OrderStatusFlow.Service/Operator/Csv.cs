using System.Text;

namespace OrderStatusFlow.Service.Operator;

/// <summary>RFC 4180 CSV; a cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote.</summary>
static class Csv
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        Line(sb, headers);
        foreach (var row in rows)
            Line(sb, row);
        return sb.ToString();
    }

    static void Line(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                sb.Append(',');
            var value = cells[i] ?? "";
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                value = "'" + value;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                value = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            sb.Append(value);
        }
        sb.Append("\r\n");
    }
}
