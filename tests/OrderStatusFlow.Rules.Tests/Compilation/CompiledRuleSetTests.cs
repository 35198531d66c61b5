using System.Diagnostics;
using System.Runtime.CompilerServices;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Tests.Support;

namespace OrderStatusFlow.Rules.Tests.Compilation;

public sealed class CompiledRuleSetTests
{
    [Test]
    public void Evaluate_RuleThrows_FailsThatPoWithFileAndLine()
    {
        using var rules = new TempRules()
            .With("10-ok.csx", "Set(\"a\", \"1\");\n")
            .With("20-x.csx", "Set(\"b\", \"2\");\n\nif (Po.Number == \"BAD\")\n    throw new InvalidOperationException(\"no luck\");\nSet(\"c\", \"3\");\n");
        var set = RuleCompiler.CompileDirectory(rules.Root).RuleSet!;
        var bad = new Core.Seams.RuleContext(RuleTestData.Po("BAD"), RuleTestData.Status(), new Dictionary<string, string>());

        var error = Assert.Throws<SyncException>(() => set.Evaluate(bad))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Rule));
        Assert.That(error.Message, Is.EqualTo($"{Path.GetFileName(rules.Root)}/20-x.csx line 4: InvalidOperationException: no luck"));
        var good = set.Evaluate(RuleTestData.Context());
        Assert.That(good.PoFields["c"], Is.EqualTo("3"), "another PO evaluated by the same set is not affected");
        set.Unload();
    }

    [Test]
    public void Evaluate_ThrowInsideLambda_NamesTheLambdaLine()
    {
        using var rules = new TempRules().With("10-l.csx", "var n = Po.Lines\n  .Select(l => l[\"ordered_quantity\"])\n  .Select(q => int.Parse(q + \"x\"))\n  .Sum();\n");
        var set = RuleCompiler.CompileDirectory(rules.Root).RuleSet!;
        var error = Assert.Throws<SyncException>(() => set.Evaluate(RuleTestData.Context()))!;
        Assert.That(error.Message, Does.Contain("10-l.csx line 3: FormatException"));
        set.Unload();
    }

    [Test]
    public void Evaluate_ThrowAfterInstrumentedCode_LineMatchesTheFile()
    {
        using var rules = new TempRules().With("10-m.csx", """
            int Double(int x) =>
                x * 2;
            Func<int, int> same = x =>
                x;
            var total = 0;
            foreach (var line in Po.Lines)
                total += same(Double(ToInt(line["ordered_quantity"])));
            if (total == 12)
                throw new ArgumentException($"total {total}");
            """);
        var set = RuleCompiler.CompileDirectory(rules.Root).RuleSet!;
        var error = Assert.Throws<SyncException>(() => set.Evaluate(RuleTestData.Context()))!;
        Assert.That(error.Message, Does.EndWith("10-m.csx line 9: ArgumentException: total 12"));
        set.Unload();
    }

    [Test]
    public void Evaluate_ThrowInScriptClass_LineMatchesTheFile()
    {
        using var rules = new TempRules().With("10-c.csx", """
            class Box
            {
                public int Value =>
                    7;
                public int this[int i] =>
                    i;
                public int Fail() =>
                    throw new InvalidOperationException("boom");
            }
            var box = new Box();
            Set("v", box.Value + box[1]);
            box.Fail();
            """);
        var set = RuleCompiler.CompileDirectory(rules.Root).RuleSet!;
        var error = Assert.Throws<SyncException>(() => set.Evaluate(RuleTestData.Context()))!;
        Assert.That(error.Message, Does.EndWith("10-c.csx line 8: InvalidOperationException: boom"));
        set.Unload();
    }

    [TestCase("while (true) { }")]
    [TestCase("for (;;) ;")]
    [TestCase("var i = 0; do { i = i + 0; } while (i == 0);")]
    [TestCase("int F(int x) => F(x + 1);\nF(0);")]
    [TestCase("void G() { G(); }\nG();")]
    [TestCase("Func<int, int>? f = null; f = x => f!(x); f(1);")]
    [TestCase("foreach (var x in Enumerable.Repeat(1, int.MaxValue)) { }")]
    public void Evaluate_EndlessRule_StoppedByBudget(string code)
    {
        using var rules = new TempRules().With("10-loop.csx", "Set(\"a\", \"1\");\n" + code + "\n");
        var compiled = RuleCompiler.CompileDirectory(rules.Root);
        Assert.That(compiled.ErrorText, Is.Empty);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<SyncException>(() => compiled.RuleSet!.Evaluate(RuleTestData.Context()))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Rule));
        Assert.That(error.Message, Does.Contain("10-loop.csx line 2").And.Contain("(is there"), error.Message);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        var again = Assert.Throws<SyncException>(() => compiled.RuleSet!.Evaluate(RuleTestData.Context()))!;
        // Steps or time, whichever runs out first on a busy machine; either way the same file and line.
        Assert.That(again.Message, Does.Contain("10-loop.csx line 2").And.Contain("(is there"), "the next evaluation gets a fresh budget");
        compiled.RuleSet!.Unload();
    }

    [Test]
    public void Unload_AfterUse_LoadContextIsCollected()
    {
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", Join(Po.Lines.Select(l => l.SysId)));\n");
        var weak = LoadUseAndUnload(rules.Root);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (weak.IsAlive && DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.That(weak.IsAlive, Is.False, "the unloaded rule set's load context is still alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference LoadUseAndUnload(string folder)
    {
        var set = RuleCompiler.CompileDirectory(folder).RuleSet!;
        Assert.That(set.Evaluate(RuleTestData.Context()).PoFields["a"], Is.EqualTo("ln1,ln2"));
        var weak = set.CreateContextReference();
        set.Unload();
        return weak;
    }
}
