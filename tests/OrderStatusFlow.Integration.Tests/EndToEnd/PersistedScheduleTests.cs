using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>
/// The polling schedule outlives the process: <c>run --once</c> fills <c>po_state.next_check_at</c> from the shipped
/// cadence rule, and the next service over the same file asks TD SYNNEX only about the POs that are due.
/// </summary>
[TestFixture]
sealed class PersistedScheduleTests : FixtureBase
{
    sealed record Row(string PoSysId, string PoNumber, string NextCheckAt, string AskedAt, string? AnswerState);

    [Test]
    public async Task RunOnce_ThenAnotherServiceOverTheSameFile_AsksOnlyAboutPosThatAreDue()
    {
        const int orders = 20;
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(orders), TdSynnexScenario.Generate(orders), NewTempDirectory()));

        var (exitCode, stdout, stderr) = await OsfProcess.RunAsync(RepoPaths.Root, "run", "--once", "--pipeline", harness.PipelinePath, "--db", harness.DbPath);
        Assert.That(exitCode, Is.EqualTo(0), stdout + stderr);

        var rows = ReadSchedule(harness.DbPath);
        var waiting = rows.Where(r => r.AnswerState is "Accepted" or "Released" or "Backordered" or "Shipped" or "Partial").ToList();
        Assert.That(waiting, Is.Not.Empty, "the cycle left open POs waiting for their next check");
        foreach (var row in waiting)
        {
            var gap = Parse(row.NextCheckAt) - Parse(row.AskedAt);
            // The pipeline interval is 5 minutes; the cadence rule waits at least 10 minutes for every open state
            // (counted from the rule's clock, a little before the time recorded as asked).
            Assert.That(gap, Is.GreaterThan(TimeSpan.FromMinutes(6)), $"{row.PoNumber} ({row.AnswerState}): next check {row.NextCheckAt}, asked {row.AskedAt}");
        }

        // An operator (or time) makes one PO due; every other PO keeps its planned time.
        var madeDue = waiting[0];
        using (var writer = new SqliteConnection($"Data Source={harness.DbPath};Pooling=False"))
        {
            writer.Open();
            writer.Execute("UPDATE po_state SET next_check_at = '2000-01-01T00:00:00.000Z' WHERE po_sys_id = @id", new { id = madeDue.PoSysId });
        }
        var askedBefore = rows.ToDictionary(r => r.PoNumber, r => harness.TdSynnex.Stats.StatusRequestsFor(r.PoNumber));

        var result = await harness.RunScheduledCycleAsync(CycleRequest.Due);

        Assert.That(result.CouldRun, Is.True, result.Error);
        var askedAgain = rows.Where(r => harness.TdSynnex.Stats.StatusRequestsFor(r.PoNumber) > askedBefore[r.PoNumber]).Select(r => r.PoNumber).ToList();
        var notDue = rows.Where(r => r.PoSysId != madeDue.PoSysId && Parse(r.NextCheckAt) > DateTimeOffset.UtcNow).Select(r => r.PoNumber).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(notDue, Is.Not.Empty);
            Assert.That(askedAgain, Does.Contain(madeDue.PoNumber), "the due PO is checked");
            Assert.That(askedAgain.Intersect(notDue), Is.Empty, "POs not yet due are not asked about again after the restart");
            Assert.That(Parse(ReadSchedule(harness.DbPath).Single(r => r.PoSysId == madeDue.PoSysId).NextCheckAt), Is.GreaterThan(DateTimeOffset.UtcNow),
                "the checked PO has a new next check time");
        });
    }

    static List<Row> ReadSchedule(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return connection.Query<Row>("""
            SELECT po_sys_id AS PoSysId, po_number AS PoNumber, next_check_at AS NextCheckAt, tds_asked_at AS AskedAt, answer_state AS AnswerState
            FROM po_state WHERE fields_hash IS NOT NULL ORDER BY po_number
            """).AsList();
    }

    static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
