using System.Globalization;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>log export [--since T] [--until T] [--outcome O] [--po N] --format csv|jsonl</c>: streams matching events to
/// stdout, oldest first, one row at a time; the count goes to stderr.
/// </summary>
static class LogExportCommand
{
    static readonly string[] Outcomes = ["updated", "unchanged", "skipped", "failed", "would_update"];

    public static async Task<int> RunAsync(CliPaths paths, string? since, string? until, string? outcome, string? po, string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "jsonl"))
            return Usage($"--format must be csv or jsonl, not '{format}'");
        if (outcome is not null && !Outcomes.Contains(outcome, StringComparer.Ordinal))
            return Usage($"--outcome must be one of {string.Join(", ", Outcomes)}, not '{outcome}'");
        if (!TryTime(since, "--since", out var from) || !TryTime(until, "--until", out var to))
            return ExitCodes.Usage;

        var db = LogCommand.DbPath(paths);
        if (!File.Exists(db))
        {
            Console.Error.WriteLine($"osf: no activity log at {db}; run the pipeline first, or pass --db");
            return ExitCodes.CouldNotRun;
        }
        try
        {
            var rows = ActivityLogQueries.Open(db).ExportEventsAsync(
                new EventExportFilter { Since = from, Until = to, Outcome = outcome, PoNumber = po }, cancellationToken);
            var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 64 * 1024);
            await using (output.ConfigureAwait(false))
            {
                var count = format == "csv"
                    ? await EventExportWriter.WriteCsvAsync(rows, output, cancellationToken)
                    : await EventExportWriter.WriteJsonLinesAsync(rows, output, cancellationToken);
                Console.Error.WriteLine($"osf: exported {count} events from {db}");
            }
            return ExitCodes.Ok;
        }
        catch (SqliteException ex)
        {
            Console.Error.WriteLine($"osf: cannot read the activity log {db}: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
    }

    static bool TryTime(string? text, string option, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        Usage($"{option} '{text}' is not a time; use ISO-8601 UTC, e.g. 2026-11-01 or 2026-11-01T08:00:00Z");
        return false;
    }

    static int Usage(string message)
    {
        Console.Error.WriteLine($"osf: log export: {message}");
        return ExitCodes.Usage;
    }
}
