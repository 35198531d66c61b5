using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>
/// A person editing a PO line in ServiceNow makes that PO due at the next scheduled cycle; the connector's own line
/// writes do not. Each cycle runs in a fresh service over the same activity log file (the schedule is persisted).
/// </summary>
[TestFixture]
sealed class LineEditScheduleTests : FixtureBase
{
    [Test]
    public async Task ScheduledCycle_AfterAPersonEditsALine_ChecksThatPoOnly_AndNotThePosTheConnectorWroteLinesOf()
    {
        const int orders = 20;
        var harness = Using(await ConnectorHarness.StartAsync(ServiceNowScenario.Generate(orders), TdSynnexScenario.Generate(orders), NewTempDirectory()));

        var first = await harness.RunScheduledCycleAsync(CycleRequest.All);
        Assert.That(first.CouldRun, Is.True, first.Error);
        var linesWritten = harness.ServiceNow.CommittedWrites.Where(w => w.Table == "proc_po_item").Select(w => w.SysId).ToHashSet();
        Assert.That(linesWritten, Is.Not.Empty, "the first cycle wrote PO lines (the case the digest must not mistake for an edit)");
        var notDue = NotDueWithinMinutes(harness.DbPath, 3);
        Assert.That(notDue, Has.Count.GreaterThan(1), "the cadence rule left POs waiting");

        // Cycle 2: only the connector's own writes happened since the first read.
        var asked = AskCounts(harness, notDue.Values);
        var second = await harness.RunScheduledCycleAsync(CycleRequest.Due);
        Assert.That(second.CouldRun, Is.True, second.Error);
        Assert.Multiple(() =>
        {
            Assert.That(second.Schedule!.ChangedInServiceNow, Is.EqualTo(0), "the connector's own line writes count as changes");
            Assert.That(AskedAgain(harness, asked), Is.Empty, "POs not due were asked about after the connector's own line writes");
        });

        // A person changes the ordered quantity of one line of a PO that is not due (one whose lines the connector wrote, if any).
        var lines = notDue.Keys.SelectMany(po => harness.ServiceNow.FindRecords("proc_po_item", "purchase_order", po))
            .OrderByDescending(l => linesWritten.Contains(l["sys_id"])).ToList();
        Assert.That(lines, Is.Not.Empty, "a PO that is not due has lines");
        var line = lines[0];
        var edited = line["purchase_order"];
        var quantity = int.TryParse(line.GetValueOrDefault("ordered_quantity"), out var q) ? q : 1;
        Assert.That(harness.ServiceNow.EditAsPerson("proc_po_item", line["sys_id"], new Dictionary<string, string> { ["ordered_quantity"] = (quantity + 1).ToString() }), Is.True);

        asked = AskCounts(harness, notDue.Values);
        var third = await harness.RunScheduledCycleAsync(CycleRequest.Due);
        Assert.That(third.CouldRun, Is.True, third.Error);
        Assert.Multiple(() =>
        {
            Assert.That(third.Schedule!.ChangedInServiceNow, Is.EqualTo(1));
            Assert.That(AskedAgain(harness, asked), Is.EqualTo(new[] { notDue[edited] }), "only the PO whose line a person edited is checked");
        });

        // Once checked, the edited PO's lines are known again: the next cycle leaves it alone.
        asked = AskCounts(harness, notDue.Values);
        var fourth = await harness.RunScheduledCycleAsync(CycleRequest.Due);
        Assert.Multiple(() =>
        {
            Assert.That(fourth.CouldRun, Is.True, fourth.Error);
            Assert.That(fourth.Schedule!.ChangedInServiceNow, Is.EqualTo(0));
            Assert.That(AskedAgain(harness, asked), Is.Empty);
        });
    }

    static Dictionary<string, int> AskCounts(ConnectorHarness harness, IEnumerable<string> poNumbers) =>
        poNumbers.ToDictionary(n => n, n => harness.TdSynnex.Stats.StatusRequestsFor(n));

    static List<string> AskedAgain(ConnectorHarness harness, Dictionary<string, int> before) =>
        [.. before.Where(b => harness.TdSynnex.Stats.StatusRequestsFor(b.Key) > b.Value).Select(b => b.Key).Order()];

    /// <summary>sys_id → number of the POs whose next check is more than <paramref name="minutes"/> minutes away.</summary>
    static Dictionary<string, string> NotDueWithinMinutes(string path, int minutes)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        var limit = DateTimeOffset.UtcNow.AddMinutes(minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        return connection.Query<(string SysId, string Number)>(
            "SELECT po_sys_id, po_number FROM po_state WHERE fields_hash IS NOT NULL AND next_check_at > @limit", new { limit })
            .ToDictionary(r => r.SysId, r => r.Number);
    }
}
