using System.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Bench.Schedule;

/// <summary>
/// What a rule change costs before TD SYNNEX or the rules see a PO: reading the stored answer of every open PO from
/// the activity log file, one PO per call (one read-only connection each, as the runner did) against one bulk call
/// (one connection, one query per 500 POs). A fresh temporary log holds <c>orders</c> POs with a realistic answer
/// each (two lines, tracking, an invoice).
/// </summary>
static class StoredAnswerReadBenchmark
{
    public sealed record Result(int Orders, int Runs, IReadOnlyList<double> PerPoSeconds, IReadOnlyList<double> BulkSeconds, long FileBytes)
    {
        public string ToText() =>
            $"stored answers of {Orders:N0} POs, {Runs} runs each (median, min-max):\n" +
            $"  one call per PO (GetLastAnswerAsync)  {Median(PerPoSeconds):F3} s  ({PerPoSeconds.Min():F3}-{PerPoSeconds.Max():F3})\n" +
            $"  one bulk call  (GetLastAnswersAsync)  {Median(BulkSeconds):F3} s  ({BulkSeconds.Min():F3}-{BulkSeconds.Max():F3})\n" +
            $"  activity log file {FileBytes / 1048576.0:F1} MiB";
    }

    public static async Task<Result> RunAsync(int orders, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "osf-bench-answers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "activity.db");
            await using var log = await SqliteActivityLog.OpenAsync(path);
            var schedule = new SqliteCheckSchedule(log);
            var ids = Enumerable.Range(1, orders).Select(i => $"{i:x32}").ToList();
            var at = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
            foreach (var chunk in ids.Chunk(1_000))
                await schedule.RecordAsync([.. chunk.Select(id => Record(id, at))], CancellationToken.None);

            var perPo = new List<double>();
            var bulk = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var found = 0;
                foreach (var id in ids)
                    found += await schedule.GetLastAnswerAsync(id, CancellationToken.None) is null ? 0 : 1;
                perPo.Add(watch.Elapsed.TotalSeconds);
                Check(found, orders);

                watch.Restart();
                var answers = await schedule.GetLastAnswersAsync(ids, CancellationToken.None);
                bulk.Add(watch.Elapsed.TotalSeconds);
                Check(answers.Answers.Count, orders);
            }
            return new Result(orders, runs, perPo, bulk, new FileInfo(path).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static void Check(int found, int orders)
    {
        if (found != orders)
            throw new InvalidOperationException($"read {found} stored answers of {orders}: the bench measured the wrong thing");
    }

    static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    static CheckRecord Record(string id, DateTimeOffset at) => new()
    {
        PoSysId = id,
        PoNumber = "PO" + id[^7..],
        At = at,
        Asked = true,
        NextCheckAt = at.AddHours(2),
        FieldsHash = "0123456789ABCDEF",
        LinesHash = "FEDCBA9876543210",
        RulesVersion = "rules-1",
        State = PoState.Partial,
        Answer = new OrderStatus
        {
            HeaderCode = "accepted",
            State = PoState.Partial,
            OrderedQuantity = 5,
            ShippedQuantity = 3,
            TrackingNumbers = ["772019384455", "772019384466"],
            ShipDate = "2026-11-26",
            InvoicesQueried = true,
            Invoices = [new Invoice { Number = "9" + id[^7..], Date = "2026-11-26" }],
            Lines =
            [
                new LineStatus { LineNumber = "1", PoLineSysId = id[..16] + "01", State = LineState.Shipped, OrderedQuantity = 3, ShippedQuantity = 3 },
                new LineStatus { LineNumber = "2", PoLineSysId = id[..16] + "02", State = LineState.Backordered, OrderedQuantity = 2, EstimatedShipDate = "2026-12-14" },
            ],
        },
    };
}
