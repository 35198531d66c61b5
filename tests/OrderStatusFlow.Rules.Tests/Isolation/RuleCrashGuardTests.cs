using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Rules.Isolation;
using OrderStatusFlow.Rules.Tests.Support;

namespace OrderStatusFlow.Rules.Tests.Isolation;

/// <summary>What the supervisor learns from a dead child's slots, and what the next child does with it.</summary>
public sealed class RuleCrashGuardTests
{
    static PurchaseOrder Po(string number) => new("sys-" + number, number, new Dictionary<string, string>(), []);

    [Test]
    public void CollectInFlight_AfterAnEvaluationNeverEnded_PoisonsThatPoForThatVersionOnly()
    {
        using var folder = new TempRules();
        var po = Po("PO0000042");
        using (var dying = RuleCrashGuard.Open(folder.Root))
        {
            dying.Enter(Po("PO0000001"), "v1");
            dying.Exit(); // finished: not a suspect
            dying.Enter(po, "v1"); // never exits, as when the process dies mid-evaluation
        }

        var line = RuleCrashGuard.CollectInFlight(folder.Root, exitCode: 134);

        Assert.That(line, Does.Contain("PO0000042").And.Contain("v1").And.Contain("exit code 134"));
        Assert.That(RuleCrashGuard.CollectInFlight(folder.Root, 134), Is.Null, "the slots are cleared once collected");
        using var next = RuleCrashGuard.Open(folder.Root);
        var error = Assert.Throws<SyncException>(() => next.Enter(po, "v1"))!;
        Assert.That(error.Kind, Is.EqualTo(FailureKind.Rule));
        Assert.That(error.Message, Does.Contain("skipped for rules v1"));
        Assert.DoesNotThrow(() => next.Enter(po, "v2"), "a new rules version evaluates the PO again");
        Assert.DoesNotThrow(() => next.Enter(Po("PO0000001"), "v1"), "other POs are not affected");
    }

    [Test]
    public void CollectInFlight_NothingInFlight_ReturnsNull()
    {
        using var folder = new TempRules();
        using (var guard = RuleCrashGuard.Open(folder.Root))
        {
            guard.Enter(Po("PO0000001"), "v1");
            guard.Exit();
        }

        Assert.That(RuleCrashGuard.CollectInFlight(folder.Root, 134), Is.Null);
    }

    [Test]
    public void CollectInFlight_SeveralInFlight_MakesThemSuspectsThatTheNextChildEvaluatesAlone()
    {
        using var folder = new TempRules();
        var (first, second, bystander) = (Po("PO0000001"), Po("PO0000002"), Po("PO0000003"));
        using (var dying = RuleCrashGuard.Open(folder.Root))
        {
            // Two rule threads, each mid-evaluation when the process dies: the slots cannot say which one killed it.
            OnThread(() => dying.Enter(first, "v1"));
            OnThread(() => dying.Enter(second, "v1"));
        }

        var line = RuleCrashGuard.CollectInFlight(folder.Root, exitCode: 134);

        Assert.That(line, Does.Contain("PO0000001").And.Contain("PO0000002").And.Contain("evaluated alone"));
        using var next = RuleCrashGuard.Open(folder.Root);
        using var suspectIn = new ManualResetEventSlim();
        using var suspectOut = new ManualResetEventSlim();
        var suspect = new Thread(() =>
        {
            next.Enter(first, "v1"); // a suspect is not failed: it may be innocent
            suspectIn.Set();
            suspectOut.Wait();
            next.Exit();
        });
        suspect.Start();
        Assert.That(suspectIn.Wait(TimeSpan.FromSeconds(30)), Is.True, "the suspect is evaluated");
        var other = new Thread(() =>
        {
            next.Enter(bystander, "v1");
            next.Exit();
        });
        other.Start();
        Assert.That(other.Join(TimeSpan.FromMilliseconds(300)), Is.False, "no other evaluation runs while a suspect is evaluated");
        suspectOut.Set();
        Assert.That(other.Join(TimeSpan.FromSeconds(30)), Is.True, "the others go on once the suspect is done");
        suspect.Join();
    }

    static void OnThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }
}
