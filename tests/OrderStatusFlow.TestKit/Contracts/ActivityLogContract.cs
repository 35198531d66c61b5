using NUnit.Framework;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;

namespace OrderStatusFlow.TestKit.Contracts;

/// <summary>
/// What every <see cref="IActivityLog"/> promises (see its documentation): run ids are distinct and increasing, events
/// are kept per run, and the notFound streak of a PO counts its latest consecutive notFound answers (skipped or failed)
/// and ends at any other answer. Subclass once per implementation: the in-memory fake and the SQLite file.
/// </summary>
public abstract class ActivityLogContract
{
    static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty log; disposed by the subclass's teardown if it needs it.</summary>
    protected abstract Task<IActivityLog> CreateAsync();

    static RunStart Run(int minutes) => new("order-status", T0.AddMinutes(minutes), "v1", false);

    static ActivityEntry Entry(long runId, string po, SyncOutcome outcome, string? tds) => new()
    {
        RunId = runId,
        At = T0,
        PoNumber = "N-" + po,
        PoSysId = po,
        Outcome = outcome,
        TdsStatus = tds,
        NewStatus = outcome == SyncOutcome.Updated ? "TDS Shipped" : null,
        FieldsJson = outcome == SyncOutcome.Updated ? "{\"proc_po\":{\"u_tds_order_status\":\"TDS Shipped\"}}" : null,
        Error = outcome == SyncOutcome.Failed ? "notFound for too long" : null,
        RulesVersion = "v1",
    };

    [Test]
    public async Task StartRun_Twice_GivesDistinctIncreasingIds()
    {
        var log = await CreateAsync();

        var first = await log.StartRunAsync(Run(0), CancellationToken.None);
        var second = await log.StartRunAsync(Run(1), CancellationToken.None);

        Assert.That(second, Is.GreaterThan(first));
    }

    [Test]
    public async Task NotFoundStreaks_CountTheLatestConsecutiveNotFoundAnswers()
    {
        var log = await CreateAsync();
        // a: notFound three cycles running; b: notFound, then found; c: found, then notFound skipped and failed.
        var script = new[]
        {
            new[] { ("a", SyncOutcome.Skipped, "notFound"), ("b", SyncOutcome.Skipped, "notFound"), ("c", SyncOutcome.Unchanged, "accepted") },
            [("a", SyncOutcome.Skipped, "notFound"), ("b", SyncOutcome.Updated, "shipped"), ("c", SyncOutcome.Skipped, "notFound")],
            [("a", SyncOutcome.Skipped, "notFound"), ("c", SyncOutcome.Failed, "notFound")],
        };
        for (var cycle = 0; cycle < script.Length; cycle++)
        {
            var runId = await log.StartRunAsync(Run(cycle), CancellationToken.None);
            await log.RecordEventsAsync([.. script[cycle].Select(e => Entry(runId, e.Item1, e.Item2, e.Item3))], CancellationToken.None);
            await log.FinishRunAsync(new RunSummary { RunId = runId, FinishedAt = T0.AddMinutes(cycle).AddSeconds(30), OrdersSeen = script[cycle].Length }, CancellationToken.None);
        }

        var streaks = await log.GetNotFoundStreaksAsync(CancellationToken.None);

        Assert.That(streaks, Is.EquivalentTo(new Dictionary<string, int> { ["a"] = 3, ["c"] = 2 }));
    }

    [Test]
    public async Task RecordEvents_Empty_ChangesNothing()
    {
        var log = await CreateAsync();
        var runId = await log.StartRunAsync(Run(0), CancellationToken.None);

        await log.RecordEventsAsync([], CancellationToken.None);

        Assert.That(await log.GetNotFoundStreaksAsync(CancellationToken.None), Is.Empty);
        Assert.That(runId, Is.GreaterThan(0));
    }

    [Test]
    public async Task RecordEvents_FromSeveralThreads_KeepsEveryEvent()
    {
        var log = await CreateAsync();
        var runId = await log.StartRunAsync(Run(0), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            log.RecordEventsAsync([.. Enumerable.Range(0, 5).Select(i => Entry(runId, $"p{t}-{i}", SyncOutcome.Skipped, "notFound"))], CancellationToken.None))));

        var streaks = await log.GetNotFoundStreaksAsync(CancellationToken.None);
        Assert.That(streaks.Keys, Has.Count.EqualTo(40));
        Assert.That(streaks.Values, Has.All.EqualTo(1));
    }
}
