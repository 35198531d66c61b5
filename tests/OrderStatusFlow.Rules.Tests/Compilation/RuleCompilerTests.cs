using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Tests.Support;

namespace OrderStatusFlow.Rules.Tests.Compilation;

public sealed class RuleCompilerTests
{
    [Test]
    public void CompileDirectory_ValidRule_EvaluatesAgainstGlobals()
    {
        using var rules = new TempRules().With("10-a.csx", """
            Set("u_tds_order_status", Tds.State == PoState.Accepted ? "TDS Accepted" : "other");
            foreach (var line in Po.Lines)
                line.Set("u_tds_line_status", line.Tds?.State.ToString() ?? "none");
            Set("lines", Join(Po.Lines.Select(l => l.SysId)));
            """);
        var result = RuleCompiler.CompileDirectory(rules.Root);
        Assert.That(result.ErrorText, Is.Empty);
        var outcome = result.RuleSet!.Evaluate(RuleTestData.Context(RuleTestData.Status(PoState.Accepted, RuleTestData.Line("ln1", LineState.Shipped))));
        Assert.That(outcome.PoFields["u_tds_order_status"], Is.EqualTo("TDS Accepted"));
        Assert.That(outcome.PoFields["lines"], Is.EqualTo("ln1,ln2"));
        Assert.That(outcome.LineFields["ln1"]["u_tds_line_status"], Is.EqualTo("Shipped"));
        Assert.That(outcome.LineFields["ln2"]["u_tds_line_status"], Is.EqualTo("none"));
        result.RuleSet.Unload();
    }

    [Test]
    public void CompileDirectory_CommentOnlyRule_IsPartOfTheSetAndDoesNothing()
    {
        using var rules = new TempRules().With("10-off.csx", "// disabled for now\n").With("20-a.csx", "Set(\"a\", \"1\");\n");
        var set = RuleCompiler.CompileDirectory(rules.Root).RuleSet!;
        Assert.That(set.Files.Select(Path.GetFileName), Is.EqualTo(new[] { "10-off.csx", "20-a.csx" }));
        Assert.That(set.Evaluate(RuleTestData.Context()).PoFields.Keys, Is.EqualTo(new[] { "a" }));
        set.Unload();
    }

    [Test]
    public void CompileDirectory_SyntaxAndTypeErrors_ReportsEachWithFileLineAndColumn()
    {
        var folder = new TempRules();
        using var rules = folder.With("10-a.csx", "Set(\"a\", \"b\");\nvar x = Nope;\n").With("20-b.csx", "\n\n  Set(\"a\" 1);\n");
        var result = RuleCompiler.CompileDirectory(rules.Root);
        Assert.That(result.Succeeded, Is.False);
        var folderName = Path.GetFileName(rules.Root);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.StartsWith($"{folderName}/10-a.csx(2,9): error CS0103"));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.StartsWith($"{folderName}/20-b.csx(3,"));
    }

    [TestCase("System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File")]
    [TestCase("var p = System.Diagnostics.Stopwatch.GetTimestamp();", "System.Diagnostics.Stopwatch")]
    [TestCase("var t = new System.Threading.Thread(() => { });", "System.Threading.Thread")]
    [TestCase("var e = Environment.GetEnvironmentVariable(\"OSF_SERVICENOW_PASSWORD\");", "System.Environment")]
    [TestCase("var a = Po.GetType().Assembly;", "reflection")]
    [TestCase("var n = typeof(string).Name;", "reflection")]
    [TestCase("var c = new System.Net.Http.HttpClient();", "System.Net")]
    [TestCase("var h = System.Runtime.InteropServices.Marshal.AllocHGlobal(4);", "is not allowed")]
    [TestCase("var o = Activator.CreateInstance<object>();", "System.Activator")]
    [TestCase("Console.WriteLine(1);", "console")]
    [TestCase("GC.Collect();", "System.GC")]
    [TestCase("unsafe { int x = 1; int* p = &x; }", "unsafe")]
    [TestCase("var c = OrderStatusFlow.Rules.Compilation.RuleCompiler.CompileDirectory(\"/\");", "connector internals")]
    [TestCase("#r \"System.IO.dll\"\nSet(\"a\", \"b\");", "#r")]
    [TestCase("start: goto start;", "goto")]
    [TestCase("#load \"/etc/hostname\"", "#load")]
    [TestCase("class C { ~C() { while (true) { } } }", "finalizers")]
    public void CompileDirectory_ForbiddenApi_RejectedWithLocation(string code, string expected)
    {
        using var rules = new TempRules().With("10-bad.csx", "Set(\"a\", \"b\");\n" + code + "\n");
        var result = RuleCompiler.CompileDirectory(rules.Root);
        Assert.That(result.Succeeded, Is.False, "the rule was accepted");
        var diagnostic = result.Diagnostics.First();
        Assert.That(diagnostic.File, Does.EndWith("/10-bad.csx"));
        Assert.That(diagnostic.Line, Is.EqualTo(2), diagnostic.ToString());
        Assert.That(diagnostic.Column, Is.GreaterThan(0));
        Assert.That(diagnostic.Message, Does.Contain(expected).IgnoreCase, diagnostic.ToString());
    }
}
