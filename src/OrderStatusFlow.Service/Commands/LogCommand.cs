using Microsoft.Data.Sqlite;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Service.Commands;

/// <summary><c>log runs | failures | po NUMBER</c>: the analysts' common questions, read-only, while the service runs.</summary>
static class LogCommand
{
    public static async Task<int> RunAsync(CliPaths paths, string what, string? poNumber, int limit)
    {
        var db = paths.DbOr(ActivityLogPathOf(paths.Pipeline));
        if (!File.Exists(db))
        {
            Console.Error.WriteLine($"osf: no activity log at {db}; run the pipeline first, or pass --db");
            return ExitCodes.CouldNotRun;
        }
        try
        {
            var queries = ActivityLogQueries.Open(db);
            switch (what)
            {
                case "runs":
                    Console.WriteLine(ActivityLogQueries.FormatRuns(await queries.LastRunsAsync(limit)));
                    return ExitCodes.Ok;
                case "failures":
                    Console.WriteLine(ActivityLogQueries.FormatFailures(await queries.OpenFailuresAsync(limit)));
                    return ExitCodes.Ok;
                case "po" when !string.IsNullOrWhiteSpace(poNumber):
                    Console.WriteLine(ActivityLogQueries.FormatHistory(await queries.PoHistoryAsync(poNumber)));
                    return ExitCodes.Ok;
                case "po":
                    Console.Error.WriteLine("osf: 'log po' needs a PO number, e.g. ./run.sh log po PO0010001");
                    return ExitCodes.Usage;
                default:
                    Console.Error.WriteLine($"osf: unknown log question '{what}'; use runs, failures or po NUMBER");
                    return ExitCodes.Usage;
            }
        }
        catch (SqliteException ex)
        {
            Console.Error.WriteLine($"osf: cannot read the activity log {db}: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
    }

    // The pipeline file's activityLog.path when the file can be read; null otherwise (the default then applies).
    static string? ActivityLogPathOf(string pipeline)
    {
        try
        {
            var text = File.ReadAllText(pipeline);
            var json = Newtonsoft.Json.Linq.JObject.Parse(text, new Newtonsoft.Json.Linq.JsonLoadSettings { CommentHandling = Newtonsoft.Json.Linq.CommentHandling.Ignore });
            return (string?)json["activityLog"]?["path"];
        }
        catch (Exception ex) when (ex is IOException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
