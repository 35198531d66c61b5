using Dapper;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Scheduling;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The polling schedule in the activity log file: what is recorded comes back, also after a restart.</summary>
public sealed class SqliteCheckScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, 123, TimeSpan.Zero);

    private static readonly OrderStatus Answer = new()
    {
        HeaderCode = "accepted",
        State = PoState.Partial,
        OrderedQuantity = 4,
        ShippedQuantity = 2,
        TrackingNumbers = ["772019384455"],
        ShipDate = "2026-11-26",
        InvoicesQueried = true,
        Invoices = [new Invoice { Number = "91234567", Date = "2026-11-26" }],
        Lines = [new LineStatus { LineNumber = "1", PoLineSysId = "ln1", State = LineState.Partial, OrderedQuantity = 4, ShippedQuantity = 2, EstimatedShipDate = "2026-12-01" }],
    };

    private static CheckRecord Record(string sysId, DateTimeOffset at, TimeSpan next, bool asked = true, OrderStatus? answer = null, int failures = 0) => new()
    {
        PoSysId = sysId,
        PoNumber = "PO-" + sysId,
        At = at,
        Asked = asked,
        NextCheckAt = at + next,
        FieldsHash = "hash-" + sysId,
        RulesVersion = "rules-1",
        ConsecutiveFailures = failures,
        State = answer?.State,
        Answer = answer,
    };

    [Test]
    public async Task RecordThenLoad_KeepsEveryCheckStateFieldAndTheAnswer()
    {
        await using var temp = await TempActivityLog.CreateAsync();
        var schedule = new SqliteCheckSchedule(temp.Log);

        await schedule.RecordAsync([Record("a", T0, TimeSpan.FromMinutes(10), answer: Answer), Record("b", T0, TimeSpan.FromHours(1), failures: 3)], CancellationToken.None);
        var states = await schedule.LoadAsync(CancellationToken.None);
        var answer = await schedule.GetLastAnswerAsync("a", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(states["a"], Is.EqualTo(new CheckState
            {
                PoSysId = "a", PoNumber = "PO-a", NextCheckAt = T0.AddMinutes(10), LastCheckedAt = T0, FieldsHash = "hash-a",
                RulesVersion = "rules-1", ConsecutiveFailures = 0, LastState = PoState.Partial, HasAnswer = true,
            }));
            Assert.That(states["b"].ConsecutiveFailures, Is.EqualTo(3));
            Assert.That(states["b"].HasAnswer, Is.False);
            Assert.That(states["b"].LastState, Is.Null);
            Assert.That(answer, Is.Not.Null);
            Assert.That(answer!.State, Is.EqualTo(PoState.Partial));
            Assert.That(answer.TrackingNumbers, Is.EqualTo(Answer.TrackingNumbers));
            Assert.That(answer.Invoices.Single().Number, Is.EqualTo("91234567"));
            Assert.That(answer.Lines.Single().EstimatedShipDate, Is.EqualTo("2026-12-01"));
            Assert.That(schedule.GetLastAnswerAsync("b", CancellationToken.None).Result, Is.Null);
        });
    }

    [Test]
    public async Task Record_ReevaluationWithoutAnswer_KeepsStoredAnswerAndLastAskedTime()
    {
        await using var temp = await TempActivityLog.CreateAsync();
        var schedule = new SqliteCheckSchedule(temp.Log);
        await schedule.RecordAsync([Record("a", T0, TimeSpan.FromMinutes(10), answer: Answer)], CancellationToken.None);

        await schedule.RecordAsync([Record("a", T0.AddMinutes(3), TimeSpan.FromMinutes(30), asked: false) with { RulesVersion = "rules-2" }], CancellationToken.None);
        var state = (await schedule.LoadAsync(CancellationToken.None))["a"];

        Assert.Multiple(() =>
        {
            Assert.That(state.LastCheckedAt, Is.EqualTo(T0), "TD SYNNEX was not asked by the re-evaluation");
            Assert.That(state.NextCheckAt, Is.EqualTo(T0.AddMinutes(33)));
            Assert.That(state.RulesVersion, Is.EqualTo("rules-2"));
            Assert.That(state.LastState, Is.EqualTo(PoState.Partial));
            Assert.That(state.HasAnswer, Is.True);
        });
    }

    [Test]
    public async Task Load_AfterRestart_SeesTheSameNextCheckTimes_AndPoStateShowsThemAsIsoText()
    {
        await using var temp = await TempActivityLog.CreateAsync();
        await new SqliteCheckSchedule(temp.Log).RecordAsync(
            [Record("a", T0, TimeSpan.FromMinutes(10), answer: Answer), Record("b", T0, TimeSpan.FromHours(6))], CancellationToken.None);

        await temp.ReopenAsync();
        var restarted = new SqliteCheckSchedule(temp.Log);
        var states = await restarted.LoadAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(states.Keys, Is.EquivalentTo(new[] { "a", "b" }));
            Assert.That(states["a"].NextCheckAt, Is.EqualTo(T0.AddMinutes(10)));
            Assert.That(states["b"].NextCheckAt, Is.EqualTo(T0.AddHours(6)));
            Assert.That((await restarted.GetLastAnswerAsync("a", CancellationToken.None))?.ShipDate, Is.EqualTo("2026-11-26"));
            Assert.That(temp.Query<string>("SELECT next_check_at FROM po_state ORDER BY po_sys_id"),
                Is.EqualTo(new[] { "2026-11-27T08:10:00.123Z", "2026-11-27T14:00:00.123Z" }));
        });
    }

    [Test]
    public async Task Load_PoStateRowsTheScheduleNeverRecorded_AreNotKnownToIt()
    {
        await using var temp = await TempActivityLog.CreateAsync();
        await temp.Log.RecordEventsAsync([ActivityEntries.Event(1, 1)], CancellationToken.None);

        var states = await new SqliteCheckSchedule(temp.Log).LoadAsync(CancellationToken.None);

        Assert.That(states, Is.Empty, "a PO only the activity log knows is new to the schedule (checked at the next cycle)");
    }

    [Test]
    public async Task GetLastAnswer_DamagedBlob_ThrowsNamingThePo()
    {
        await using var temp = await TempActivityLog.CreateAsync();
        var schedule = new SqliteCheckSchedule(temp.Log);
        await schedule.RecordAsync([Record("a", T0, TimeSpan.FromMinutes(10), answer: Answer)], CancellationToken.None);
        using (var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.DbPath};Pooling=False"))
        {
            writer.Open();
            writer.Execute("UPDATE po_answers SET answer = x'00010203' WHERE po_sys_id = 'a';");
        }

        var error = Assert.ThrowsAsync<InvalidDataException>(() => schedule.GetLastAnswerAsync("a", CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("'a'").And.Contain("po_answers"));
    }
}
