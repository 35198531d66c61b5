using System.Collections.Concurrent;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Rules.Catalog;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;
using Serilog;

namespace OrderStatusFlow.Rules.Tests.Catalog;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RuleCatalogTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    static readonly ILogger Log = Serilog.Core.Logger.None;
    static readonly Dictionary<string, string> NoSettings = [];
    readonly ConcurrentQueue<RuleLoadEntry> _loads = new();

    Task<RuleCatalog> Start(TempRules rules, RuleCatalogOptions? options = null) =>
        RuleCatalog.StartAsync(rules.Root, NoSettings, Log, (entry, _) => { _loads.Enqueue(entry); return Task.CompletedTask; },
            options ?? new RuleCatalogOptions { Debounce = TimeSpan.FromMilliseconds(300) });

    static string Value(RuleCatalog catalog, string field) =>
        catalog.Current.Evaluate(RuleTestData.Context()).PoFields.GetValueOrDefault(field, "(unset)");

    [Test]
    public async Task StartAsync_FirstLoadBroken_FailsWithEveryDiagnosticAndRecordsRejection()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", Nope1);\n").With("20-b.csx", "\nSystem.IO.File.Delete(\"x\");\n");
        var error = Assert.ThrowsAsync<SyncException>(() => Start(rules))!;
        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("10-a.csx(1,10): error CS0103").And.Contain("20-b.csx(2,"));
        Assert.That(_loads.Single().Outcome, Is.EqualTo("rejected"));
        Assert.That(_loads.Single().Error, Does.Contain("10-a.csx(1,10)"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task StartAsync_GoodRules_RecordsActiveLoadWithFiles()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        using var catalog = await Start(rules);
        var entry = _loads.Single();
        Assert.That(entry.Outcome, Is.EqualTo("active"));
        Assert.That(entry.RulesVersion, Is.EqualTo(catalog.Version).And.Length.EqualTo(12));
        Assert.That(entry.FilesJson, Does.StartWith("[{\"file\":\"10-a.csx\",\"sha256\":\""));
        Assert.That(entry.Error, Is.Null);
    }

    [Test]
    public async Task StartAsync_SettingValueTheRulesRefuse_RejectedWithTheAcceptedValues()
    {
        var settings = new Dictionary<string, string> { ["partialShipments"] = "bogus" };
        var error = Assert.ThrowsAsync<SyncException>(() => RuleCatalog.StartAsync(RepoPaths.Rules, settings, Log,
            (entry, _) => { _loads.Enqueue(entry); return Task.CompletedTask; }))!;
        Assert.That(error.Message, Does.Contain("settings.partialShipments is 'bogus'; the rules accept: status, note"));
        Assert.That(_loads.Single().Outcome, Is.EqualTo("rejected"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task ReloadAsync_RuleNarrowsASettingThePipelineSets_NewSetRejectedOldKept()
    {
        var settings = new Dictionary<string, string> { ["mode"] = "loud" };
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", Setting(\"mode\", \"quiet\"));\n");
        using var catalog = await RuleCatalog.StartAsync(rules.Root, settings, Log, (entry, _) => { _loads.Enqueue(entry); return Task.CompletedTask; });
        var before = catalog.Version;
        rules.With("10-a.csx", "Set(\"a\", Setting(\"mode\", \"quiet\", \"quiet\", \"silent\"));\n");

        var entry = await catalog.ReloadAsync();

        Assert.That(entry!.Outcome, Is.EqualTo("rejected"));
        Assert.That(entry.Error, Is.EqualTo("settings.mode is 'loud'; the rules accept: quiet, silent"));
        Assert.That(catalog.Version, Is.EqualTo(before), "the last good set keeps running");
    }

    [Test]
    public async Task StartAsync_ShippedRulesWithCustomisedPipelineSettings_Active()
    {
        var settings = new Dictionary<string, string> { ["partialShipments"] = "note", ["poStatusField"] = "u_custom_status" };
        using var catalog = await RuleCatalog.StartAsync(RepoPaths.Rules, settings, Log,
            (entry, _) => { _loads.Enqueue(entry); return Task.CompletedTask; });
        Assert.That(_loads.Single().Outcome, Is.EqualTo("active"), _loads.Single().Error);
    }

    [Test]
    public async Task Watch_FileChanged_NewRulesActiveWithinTwoSeconds()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        using var catalog = await Start(rules);
        Assert.That(Value(catalog, "a"), Is.EqualTo("1"));

        rules.With("10-a.csx", "Set(\"a\", \"2\");\n");
        var took = await Wait.UntilAsync(() => Value(catalog, "a") == "2", "the changed rule is active", Deadline);

        TestContext.Out.WriteLine($"active {took.TotalMilliseconds:0} ms after the save");
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(2)), "active within 2 s of the save (README, Rules)");
        Assert.That(_loads.Select(l => l.Outcome), Is.EqualTo(new[] { "active", "active" }));
    }

    [Test]
    public async Task Watch_FileAddedDeletedRenamed_EachBecomesActive()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        using var catalog = await Start(rules);

        rules.With("20-b.csx", "Set(\"a\", \"added\");\n");
        await Wait.UntilAsync(() => Value(catalog, "a") == "added", "the added rule runs after 10-a", Deadline);

        rules.Rename("20-b.csx", "05-b.csx");
        await Wait.UntilAsync(() => Value(catalog, "a") == "1", "the renamed rule now runs before 10-a", Deadline);

        rules.Delete("10-a.csx");
        await Wait.UntilAsync(() => Value(catalog, "a") == "added", "the deleted rule no longer runs", Deadline);
        Assert.That(_loads.Count(l => l.Outcome == "active"), Is.EqualTo(4));
    }

    [Test]
    public async Task Watch_BrokenSave_KeepsLastGoodAndReportsLocatedError()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        using var catalog = await Start(rules);
        var good = catalog.Version;

        rules.With("10-a.csx", "Set(\"a\", \"2\");\nSet(\"b\", Nope);\n");
        await Wait.UntilAsync(() => _loads.Any(l => l.Outcome == "rejected"), "the broken save is reported", Deadline);

        var rejected = _loads.Single(l => l.Outcome == "rejected");
        Assert.That(rejected.Error, Does.Contain("/10-a.csx(2,10): error CS0103"));
        Assert.That(rejected.RulesVersion, Is.Not.EqualTo(good));
        Assert.That(catalog.Version, Is.EqualTo(good));
        Assert.That(Value(catalog, "a"), Is.EqualTo("1"));

        rules.With("10-a.csx", "Set(\"a\", \"3\");\n");
        await Wait.UntilAsync(() => Value(catalog, "a") == "3", "a fixed save is picked up after a rejected one", Deadline);
    }

    [Test]
    public async Task Watch_FolderUnreadableThenBack_LastGoodSetKeepsRunningAndTheFixedSetLoads()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        using var catalog = await Start(rules, new RuleCatalogOptions { Debounce = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(100) });
        var moved = rules.Root + "-away";

        // As root, chmod 000 does not stop reading; a folder that is gone fails every read the same way.
        Directory.Move(rules.Root, moved);
        await catalog.ReloadAsync();
        await Task.Yield();
        Assert.That(Value(catalog, "a"), Is.EqualTo("1"), "the last good set keeps running");

        Directory.Move(moved, rules.Root);
        rules.With("10-a.csx", "Set(\"a\", \"2\");\n");
        await Wait.UntilAsync(() => Value(catalog, "a") == "2", "the folder is read again once it is back", Deadline);
    }

    [Test]
    public async Task Watch_FixtureFails_SetRejectedWithTheDifference()
    {
        using var rules = new TempRules()
            .With("10-a.csx", "Set(\"a\", \"1\");\n")
            .With("10-a.tests.json", """[{ "name": "sets a", "tds": { "state": "Accepted" }, "expect": { "po": { "a": "1" } } }]""");
        using var catalog = await Start(rules);

        rules.With("10-a.csx", "Set(\"a\", \"2\");\n");
        await Wait.UntilAsync(() => _loads.Any(l => l.Outcome == "rejected"), "the fixture failure is reported", Deadline);

        Assert.That(_loads.Single(l => l.Outcome == "rejected").Error,
            Does.Contain("10-a.tests.json(1,1): fixture 'sets a' failed: po.a: expected \"1\", actual \"2\""));
        Assert.That(Value(catalog, "a"), Is.EqualTo("1"));
    }

    [Test]
    public async Task Current_ReloadDuringEvaluations_NeverMixesVersions()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"0\");\n").With("20-b.csx", "Set(\"b\", \"0\");\n");
        using var catalog = await Start(rules);
        var mixed = 0;
        var evaluated = 0;
        using var stop = new CancellationTokenSource();
        var evaluator = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var outcome = catalog.Current.Evaluate(RuleTestData.Context());
                if (outcome.PoFields["a"] != outcome.PoFields["b"])
                    Interlocked.Increment(ref mixed);
                Interlocked.Increment(ref evaluated);
            }
        });
        for (var version = 1; version <= 2; version++)
        {
            var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rules.With("10-a.csx", $"Set(\"a\", \"{v}\");\n").With("20-b.csx", $"Set(\"b\", \"{v}\");\n");
            await Wait.UntilAsync(() => Value(catalog, "a") == v && Value(catalog, "b") == v, $"version {v} active", Deadline);
        }
        await stop.CancelAsync();
        await evaluator;
        Assert.That(evaluated, Is.GreaterThan(100));
        Assert.That(mixed, Is.Zero, "an evaluation saw rules of two versions");
    }

    [Test]
    public async Task Reload_SwappedOutVersions_AreUnloaded()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"0\");\n");
        using var catalog = await Start(rules, new RuleCatalogOptions { PollInterval = TimeSpan.FromHours(1), Debounce = TimeSpan.FromHours(1) });
        for (var i = 1; i <= 5; i++)
        {
            rules.With("10-a.csx", $"Set(\"a\", \"{i}\");\n");
            Assert.That((await catalog.ReloadAsync())?.Outcome, Is.EqualTo("active"));
            Assert.That(Value(catalog, "a"), Is.EqualTo(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        await Wait.UntilAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return catalog.CountLiveRetiredVersions() == 0;
        }, "the five swapped-out versions are collected", Deadline);
    }
}
