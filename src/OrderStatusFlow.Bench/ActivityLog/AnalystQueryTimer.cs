using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Bench.ActivityLog;

/// <summary>Times SQL on a read-only connection (as an analyst's client would): every row read, median of N runs.</summary>
static class AnalystQueryTimer
{
    public sealed record Timing(string Name, int Rows, TimeSpan Median, TimeSpan Max);

    /// <summary>Every ```sql block of the analyst doc, named by its section title.</summary>
    public static IReadOnlyList<Timing> TimeDocQueries(string path, string doc, int runs)
    {
        var markdown = File.ReadAllText(doc);
        var queries = new List<(string, string)>();
        var title = "";
        foreach (Match match in Regex.Matches(markdown, "^## (?<title>.+?)$|^```sql\\n(?<sql>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline))
        {
            if (match.Groups["title"].Success)
                title = match.Groups["title"].Value.Trim();
            else
                queries.Add((title, match.Groups["sql"].Value));
        }
        return Time(path, runs, queries);
    }

    public static IReadOnlyList<Timing> Time(string path, int runs, IReadOnlyList<(string Name, string Sql)> queries)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var timings = new List<Timing>();
        foreach (var (name, sql) in queries)
        {
            var samples = new List<TimeSpan>();
            var rows = 0;
            for (var run = 0; run < Math.Max(1, runs); run++)
            {
                var clock = Stopwatch.StartNew();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                rows = 0;
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                        _ = reader.GetValue(i);
                    rows++;
                }
                samples.Add(clock.Elapsed);
            }
            samples.Sort();
            timings.Add(new Timing(name, rows, samples[samples.Count / 2], samples[^1]));
        }
        return timings;
    }
}
