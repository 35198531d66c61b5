using System.Globalization;

namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>The <see cref="ActivityLogInfo"/> block <c>./run.sh log info</c> prints: one "name: value" line each.</summary>
internal static class InfoText
{
    public static string Format(ActivityLogInfo i)
    {
        var mb = (i.FileBytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
        var free = (i.FreePages * i.PageSize / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
        string[] lines =
        [
            $"schema version:   {i.SchemaVersion}",
            $"retention:        {i.Retention ?? "(no retention pass yet)"}" +
                (i.RetentionLastPassAt is null ? "" : $"; last pass {i.RetentionLastPassAt} removed rows before {i.RetentionLastCutoff}"),
            $"oldest run kept:  {i.OldestRunAt ?? "(none)"}",
            $"oldest event:     {i.OldestEventAt ?? "(none)"}",
            $"oldest rule load: {i.OldestRuleLoadAt ?? "(none)"}",
            $"rows:             {i.Runs} runs, {i.Events} events, {i.PurchaseOrders} POs ({i.OpenFailures} failing)",
            $"file:             {mb} MB, {free} MB free inside; auto_vacuum {i.AutoVacuum}" +
                (i.AutoVacuum == "incremental" ? "" : " (the file reuses freed space but does not shrink; see README 'Activity log')"),
        ];
        return string.Join('\n', lines) + "\n";
    }
}
