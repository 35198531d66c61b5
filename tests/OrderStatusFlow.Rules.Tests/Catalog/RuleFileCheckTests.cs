using System.Runtime.InteropServices;
using OrderStatusFlow.Rules.Catalog;
using OrderStatusFlow.Rules.Compilation;
using OrderStatusFlow.Rules.Tests.Support;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Rules.Tests.Catalog;

/// <summary>Only regular files inside the rules folder are read; anything else rejects the set without being read.</summary>
public sealed class RuleFileCheckTests
{
    [Test]
    public void Compile_SymlinkToAFileOutsideTheFolder_RejectedWithoutEchoingItsContents()
    {
        using var outside = new TempRules().With("secret.txt", "password=hunter2 is not C#\n");
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        File.CreateSymbolicLink(Path.Combine(rules.Root, "20-link.csx"), Path.Combine(outside.Root, "secret.txt"));

        var result = RuleCompiler.CompileDirectory(rules.Root);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ErrorText, Does.Contain("20-link.csx is a symbolic link to a file outside the rules folder"));
        Assert.That(result.ErrorText, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void Compile_SymlinkInsideTheFolder_Read()
    {
        using var rules = new TempRules().With("10-a.txt", "Set(\"a\", \"1\");\n");
        File.CreateSymbolicLink(Path.Combine(rules.Root, "10-a.csx"), Path.Combine(rules.Root, "10-a.txt"));

        var result = RuleCompiler.CompileDirectory(rules.Root);

        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        result.RuleSet!.Unload();
    }

    [Test]
    public void Compile_FifoNamedLikeARule_RejectedWithoutBlocking()
    {
        Assume.That(OperatingSystem.IsLinux(), "FIFOs are a Unix thing");
        using var rules = new TempRules().With("10-a.csx", "Set(\"a\", \"1\");\n");
        Assert.That(mkfifo(Path.Combine(rules.Root, "20-pipe.csx"), Convert.ToUInt32("644", 8)), Is.Zero, "mkfifo");

        // Opening a FIFO for reading would block until a writer appears: the compile must not even open it.
        var compile = Task.Run(() => RuleCompiler.CompileDirectory(rules.Root));
        Assert.That(compile.Wait(TimeSpan.FromSeconds(60)), Is.True, "the compile returned");

        Assert.That(compile.Result.Succeeded, Is.False);
        Assert.That(compile.Result.ErrorText, Does.Contain("20-pipe.csx is not a regular file"));
    }

    [Test]
    public void Compile_FileLargerThanTheCap_Rejected()
    {
        using var rules = new TempRules().With("10-a.csx", "// " + new string('x', (int)RuleFileCheck.MaxBytes) + "\n");

        var result = RuleCompiler.CompileDirectory(rules.Root);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ErrorText, Does.Contain("a rule file may be at most 256 KiB"));
    }

    [DllImport("libc", SetLastError = true)]
    static extern int mkfifo(string path, uint mode);
}
