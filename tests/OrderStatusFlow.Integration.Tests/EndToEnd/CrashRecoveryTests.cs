using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>A process killed at any point loses nothing: the next cycle converges and notes are never duplicated.</summary>
[TestFixture]
sealed class CrashRecoveryTests : FixtureBase
{
    const int Orders = 120;

    static ServiceNowScenario SlowWrites() => ServiceNowScenario.Generate(Orders, batchItemLatencyMs: 10);

    [Test]
    public async Task Process_KilledMidWrite_NextRunEndsInTheSameStateAsAnUninterruptedRun()
    {
        var crashed = Using(await ConnectorHarness.StartAsync(SlowWrites(), TdSynnexScenario.Generate(Orders), NewTempDirectory()));
        using (var osf = OsfProcess.Start(RepoPaths.Root, "run", "--once", "--pipeline", crashed.PipelinePath, "--db", crashed.DbPath))
        {
            await Wait.UntilAsync(() => crashed.ServiceNow.CommittedWrites.Count > 0 || osf.HasExited,
                "the first write to reach the ServiceNow emulator", OsfProcess.Deadline);
            Assert.That(osf.HasExited, Is.False, $"the cycle must still be running when it is killed\n{osf.Stdout}\n{osf.Stderr}");
            osf.Kill();
        }
        var writtenBeforeCrash = crashed.ServiceNow.CommittedWrites.Count;
        var recovered = await crashed.RunOnceAsync();

        var reference = Using(await ConnectorHarness.StartAsync(SlowWrites(), TdSynnexScenario.Generate(Orders), NewTempDirectory()));
        await reference.RunOnceAsync();

        Assert.That(recovered.CouldRun, Is.True, recovered.Error);
        Assert.That(writtenBeforeCrash, Is.LessThan(reference.ServiceNow.CommittedWrites.Count), "the kill happened before the cycle finished");
        var scenario = SlowWrites();
        foreach (var table in new[] { "proc_po", "proc_po_item" })
            foreach (var row in scenario.Tables[table])
            {
                var sysId = row["sys_id"];
                var after = Comparable(crashed.ServiceNow.GetRecord(table, sysId)!);
                var expected = Comparable(reference.ServiceNow.GetRecord(table, sysId)!);
                Assert.That(after, Is.EqualTo(expected), $"{table} {sysId} after crash + rerun vs. uninterrupted");
                if (after.TryGetValue("u_vendor_notes", out var notes))
                {
                    var lines = notes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    Assert.That(lines, Is.Unique, $"{sysId} notes are never duplicated");
                }
            }
    }

    // System fields the emulator stamps on every write differ between two runs by nature.
    static Dictionary<string, string> Comparable(IReadOnlyDictionary<string, string> record) =>
        record.Where(f => !f.Key.StartsWith("sys_", StringComparison.Ordinal) || f.Key == "sys_id").ToDictionary();
}
