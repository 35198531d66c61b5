using System.Text;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>A fixed-width console table: a header, a rule, one line per row; long cells are cut with "…".</summary>
internal static class TextTable
{
    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, int maxCellWidth = 60)
    {
        var cells = rows.Select(row => row.Select(cell => Clean(cell, maxCellWidth)).ToArray()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in cells)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        AppendLine(text, headers, widths);
        AppendLine(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in cells)
        {
            AppendLine(text, row, widths);
        }

        if (cells.Count == 0)
        {
            text.Append("(no rows)\n");
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(cells[i].PadRight(widths[i]));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static string Clean(string? cell, int maxWidth)
    {
        var flat = (cell ?? "").ReplaceLineEndings(" ").Replace('\t', ' ');
        return flat.Length <= maxWidth ? flat : string.Concat(flat.AsSpan(0, maxWidth - 1), "…");
    }
}
