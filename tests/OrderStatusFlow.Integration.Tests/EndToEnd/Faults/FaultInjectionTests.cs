using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd.Faults;

/// <summary>
/// The real <c>osf run --once</c> process against emulators that misbehave one way each (<see cref="FaultCases"/>):
/// the exit code, which POs failed and why, that every other PO was written, that every write ServiceNow committed
/// has its event in the log, and that no credential appears in the output or the database in any form.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
sealed class FaultInjectionTests
{
    static IEnumerable<FaultCase> Cases() => FaultCases.All();

    // One osf run per group, started by the group's first case and shared by the others.
    static readonly ConcurrentDictionary<string, Lazy<Task<FaultRun>>> Runs = new();

    [OneTimeTearDown]
    public static async Task DisposeRunsAsync()
    {
        foreach (var run in Runs.Values.Where(r => r.IsValueCreated))
            if (run.Value.IsCompletedSuccessfully)
                await run.Value.Result.DisposeAsync();
        Runs.Clear();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task RunOnce_Fault_FailsOnlyItsPoAndLosesNothing(FaultCase fault)
    {
        var run = await Runs.GetOrAdd(fault.Group, group => new Lazy<Task<FaultRun>>(() => RunGroupAsync(group))).Value;

        Assert.That(run.ExitCode, Is.EqualTo(fault.ExpectedExit), run.Output);
        if (fault.OutputContains is { } text)
            Assert.That(run.Output, Does.Contain(text));
        var group = FaultCases.All().Where(c => c.Group == fault.Group).ToList();
        AssertOutcomes(run, fault, group.SelectMany(c => c.Failures.Keys).ToHashSet());
        run.AssertNoSecretLeaked();
        fault.Then(run);
    }

    static async Task<FaultRun> RunGroupAsync(string group)
    {
        var cases = FaultCases.All().Where(c => c.Group == group).ToList();
        var run = await FaultRun.StartAsync(cases);
        await run.RunAsync(cases[0]);
        return run;
    }

    [Test]
    public async Task RunOnce_AnalystHoldsTheLogLockedMidCycle_WritesWaitAndEveryWriteIsLogged()
    {
        var fault = SlowWrites("log locked for a while", "00:05:00");
        await using var run = await FaultRun.StartAsync(fault);
        using var osf = run.Launch(fault);
        await Wait.UntilAsync(() => run.Harness.ServiceNow.CommittedWrites.Count > 0 || osf.HasExited, "the first committed write", OsfProcess.Deadline);
        using (var analyst = await HoldWriteLockAsync(run.DbPath))
        {
            await Wait.UntilAsync(() => osf.Stdout.Contains("Waiting up to") || osf.HasExited, "the writer to report that it waits for the log", OsfProcess.Deadline);
            var writesWhileLocked = run.Harness.ServiceNow.CommittedWrites.Count;
            await Wait.UntilAsync(() => osf.HasExited || run.Harness.ServiceNow.CommittedWrites.Count > writesWhileLocked + 100,
                "writes to go on although nothing can be logged (they must not)", TimeSpan.FromSeconds(3)).ContinueWith(_ => { });
            Assert.That(osf.HasExited, Is.False, "the process waits for the log instead of ending the cycle");
        }
        var exit = await run.CompleteAsync(osf);

        Assert.That(exit, Is.EqualTo(0), run.Output);
        AssertOutcomes(run, fault, new HashSet<string>());
        run.AssertNoSecretLeaked();
    }

    [Test]
    public async Task RunOnce_LogLockedPastTheTimeout_CycleEndsWithTheReasonAndTheNextStartRecordsEveryCommittedWrite()
    {
        var fault = SlowWrites("log locked past the timeout", "00:00:02");
        await using var run = await FaultRun.StartAsync(fault);
        using (var osf = run.Launch(fault))
        {
            await Wait.UntilAsync(() => run.Harness.ServiceNow.CommittedWrites.Count > 0 || osf.HasExited, "the first committed write", OsfProcess.Deadline);
            using var analyst = await HoldWriteLockAsync(run.DbPath);
            var exit = await run.CompleteAsync(osf);
            Assert.That(exit, Is.EqualTo(1), run.Output);
            Assert.That(run.Output, Does.Contain("activity log"));
        }

        var second = await run.RunAsync(fault);

        Assert.That(second, Is.EqualTo(0), run.Output);
        AssertEveryCommittedWriteLogged(run);
        Assert.That(run.UnfinishedRuns(), Is.Empty, "the run the lock broke is closed");
        run.AssertNoSecretLeaked();
    }

    [Test]
    public async Task RunOnce_KilledBetweenACommittedWriteAndItsEvent_NextStartRecordsWhatWasCommitted()
    {
        var fault = SlowWrites("killed mid-write", "00:05:00");
        await using var run = await FaultRun.StartAsync(fault);
        using (var osf = run.Launch(fault))
        {
            await Wait.UntilAsync(() => run.Harness.ServiceNow.CommittedWrites.Count > 0 || osf.HasExited, "the first committed write", OsfProcess.Deadline);
            Assert.That(osf.HasExited, Is.False, "the cycle is still running when it is killed");
            osf.Kill();
            await osf.WaitForExitAsync(OsfProcess.Deadline);
        }
        var committedBeforeRestart = run.CommittedPoSysIds();

        var exit = await run.RunAsync(fault);

        Assert.That(exit, Is.EqualTo(0), run.Output);
        var events = run.Events();
        var firstRun = events.Min(e => e.RunId);
        foreach (var po in committedBeforeRestart)
            Assert.That(events.Any(e => e.RunId == firstRun && e.PoSysId == po && e.Outcome == "updated"), Is.True,
                $"{po} was committed by the killed run and has its event in that run");
        AssertEveryCommittedWriteLogged(run);
        Assert.That(run.UnfinishedRuns(), Is.Empty, "the killed run is closed as interrupted");
        Assert.That(ActivityDb.Scalar(run.DbPath, "SELECT COUNT(*) FROM sync_runs WHERE error LIKE 'interrupted:%'"), Is.EqualTo(1));
    }

    // 30 POs, batches of 5, 20 ms per batch item: the cycle spends a few seconds writing.
    static FaultCase SlowWrites(string name, string unavailableTimeout) => new()
    {
        Group = name,
        Name = name,
        Orders = 30,
        ServiceNow = s => s.BatchItemLatencyMs = 20,
        Pipeline = p =>
        {
            p["stages"]![3]!["batchSize"] = 5;
            p["stages"]![3]!["parallelism"] = 1;
            p["activityLog"]!["unavailableTimeout"] = unavailableTimeout;
        },
        ExpectedExit = 0,
    };

    /// <summary>An analyst's SQLite client in a write transaction: BEGIN IMMEDIATE and an uncommitted insert.</summary>
    static async Task<IDisposable> HoldWriteLockAsync(string dbPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "CREATE TABLE IF NOT EXISTS analyst_notes(x); INSERT INTO analyst_notes VALUES (1);";
            command.ExecuteNonQuery();
        }
        return new Lock(connection, transaction);
    }

    sealed class Lock(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            transaction.Rollback();
            transaction.Dispose();
            connection.Dispose();
        }
    }

    static void AssertOutcomes(FaultRun run, FaultCase fault, IReadOnlySet<string> failingInGroup)
    {
        var events = run.Events();
        if (!fault.CycleRuns)
        {
            Assert.That(events, Is.Empty, "the cycle did not run");
            Assert.That(run.Harness.ServiceNow.CommittedWrites, Is.Empty, "nothing was written");
            return;
        }
        foreach (var (key, reason) in fault.Failures)
        {
            var failed = events.Where(e => (e.PoSysId == key || e.PoNumber == key) && e.Outcome == "failed").ToList();
            Assert.That(failed, Has.Count.EqualTo(1), $"{key} fails once\n{Describe(events)}");
            Assert.That(failed[0].Error, Does.Contain(reason).IgnoreCase, $"{key}'s failure says what to fix");
            Assert.That(run.CommittedPoSysIds(), Does.Not.Contain(failed[0].PoSysId), $"nothing was written for {key}");
        }
        if (fault.OthersUpdated)
        {
            var pos = run.Scenario.Tables["proc_po"].Select(p => (SysId: p["sys_id"], Number: p["number"]));
            foreach (var po in pos.Where(p => !failingInGroup.Contains(p.SysId) && !failingInGroup.Contains(p.Number)))
            {
                var outcomes = events.Where(e => e.PoSysId == po.SysId).Select(e => e.Outcome).ToList();
                Assert.That(outcomes, Is.EqualTo(new[] { "updated" }), $"{po.Number} ({po.SysId}) was written once\n{Describe(events)}");
            }
        }
        AssertEveryCommittedWriteLogged(run);
    }

    static void AssertEveryCommittedWriteLogged(FaultRun run)
    {
        var logged = run.Events().Where(e => e.Outcome == "updated").Select(e => e.PoSysId).ToHashSet();
        Assert.That(run.CommittedPoSysIds().Where(po => !logged.Contains(po)), Is.Empty,
            "every PO ServiceNow committed a write for has an 'updated' event");
    }

    static string Describe(IEnumerable<ActivityDb.Event> events) =>
        string.Join("\n", events.Select(e => $"  run {e.RunId} {e.PoNumber} ({e.PoSysId}) {e.Outcome} {e.Error}"));
}
