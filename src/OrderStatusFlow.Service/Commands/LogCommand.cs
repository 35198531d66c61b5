using Microsoft.Data.Sqlite;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>log runs | failures | po NUMBER | info</c>: the analysts' common questions, read-only, while the service runs.
/// <c>runs</c> ends with the retention in force and the oldest run kept; <c>info</c> shows the file's state.
/// </summary>
static class LogCommand
{
    public static async Task<int> RunAsync(CliPaths paths, string what, string? poNumber, int limit)
    {
        var db = DbPath(paths);
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
                    var info = await queries.InfoAsync();
                    Console.WriteLine($"retention {info.Retention ?? "(no pass yet)"}; oldest run kept {info.OldestRunAt ?? "(none)"}; " +
                                      $"{info.Events} events, {info.PurchaseOrders} POs, {info.OpenFailures} failing (./run.sh log info for more)");
                    return ExitCodes.Ok;
                case "info":
                    Console.Write(ActivityLogQueries.FormatInfo(await queries.InfoAsync()));
                    return ExitCodes.Ok;
                case "failures":
                    Console.WriteLine(ActivityLogQueries.FormatFailures(await queries.OpenFailuresAsync(limit)));
                    return ExitCodes.Ok;
                case "po" when !string.IsNullOrWhiteSpace(poNumber):
                    if (await queries.PoStateAsync(poNumber) is { } state)
                        Console.WriteLine($"{state.PoNumber}: {state.Status ?? "(no label)"}, last outcome {state.LastOutcome} at {state.LastCheckedAt}" +
                                          (state.LastChangedAt is null ? "" : $", last changed {state.LastChangedAt}") +
                                          (state.ConsecutiveFailures > 0 ? $", failing since {state.FailingSince} ({state.ConsecutiveFailures} in a row)" : ""));
                    Console.WriteLine(ActivityLogQueries.FormatHistory(await queries.PoHistoryAsync(poNumber)));
                    return ExitCodes.Ok;
                case "po":
                    Console.Error.WriteLine("osf: 'log po' needs a PO number, e.g. ./run.sh log po PO0010001");
                    return ExitCodes.Usage;
                default:
                    Console.Error.WriteLine($"osf: unknown log question '{what}'; use runs, failures, po NUMBER, info or export");
                    return ExitCodes.Usage;
            }
        }
        catch (Exception ex) when (ex is SqliteException or OrderStatusFlow.Core.Domain.SyncException)
        {
            Console.Error.WriteLine($"osf: cannot read the activity log {db}: {ex.Message}");
            return ExitCodes.CouldNotRun;
        }
    }

    /// <summary>--db / OSF_DB, else the pipeline file's activityLog.path, else the default.</summary>
    public static string DbPath(CliPaths paths) => paths.DbOr(ActivityLogPathOf(paths.Pipeline));

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
